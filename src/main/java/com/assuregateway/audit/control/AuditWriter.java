package com.assuregateway.audit.control;

import com.assuregateway.audit.entity.AuditEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.function.Supplier;

/** Writes events in a transaction of their own, so a call that made its step fail and roll back still leaves its trace. */
@ApplicationScoped
public class AuditWriter {

    @PersistenceContext
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void append(List<Supplier<AuditEvent>> events) {
        events.forEach(event -> em.persist(event.get()));
    }
}
