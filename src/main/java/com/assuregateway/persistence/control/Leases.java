package com.assuregateway.persistence.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * Leases on rows of background work, so that instances sharing one database never work on a row at once: a row
 * is taken by one conditional update of its {@code leaseOwner} and {@code leaseUntil}, and a lease whose instance
 * died runs out, after which another instance takes the row. The follow-up's processes and the webhook sender's
 * deliveries are leased this way; each lease operation is a transaction of its own.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class Leases {

    /**
     * A kind of leased rows: the entity (with {@code id}, {@code leaseOwner} and {@code leaseUntil}) and which of
     * its rows may be taken at all, as a JPQL condition on {@code w} (which may use {@code :now}, this moment).
     */
    public record Work(String entity, String takeable) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** Takes the row for this owner, if it may be taken and no one holds a live lease on it. */
    public boolean take(Work work, String id, String owner, long leaseSeconds) {
        Instant now = clock.instant();
        return em.createQuery("UPDATE " + work.entity() + " w SET w.leaseOwner = :owner, w.leaseUntil = :until"
                        + " WHERE w.id = :id AND " + work.takeable() + " AND (w.leaseUntil IS NULL OR w.leaseUntil < :now)")
                .setParameter("owner", owner)
                .setParameter("until", now.plusSeconds(leaseSeconds))
                .setParameter("id", id)
                .setParameter("now", now)
                .executeUpdate() == 1;
    }

    /** Gives one row back, if this owner still holds it. */
    public void release(Work work, String id, String owner) {
        em.createQuery("UPDATE " + work.entity() + " w SET w.leaseOwner = NULL, w.leaseUntil = NULL"
                        + " WHERE w.id = :id AND w.leaseOwner = :owner")
                .setParameter("id", id)
                .setParameter("owner", owner)
                .executeUpdate();
    }

    /** Gives back every row this owner holds (a graceful shutdown); how many there were. */
    public int releaseAll(Work work, String owner) {
        return em.createQuery("UPDATE " + work.entity() + " w SET w.leaseOwner = NULL, w.leaseUntil = NULL"
                        + " WHERE w.leaseOwner = :owner")
                .setParameter("owner", owner)
                .executeUpdate();
    }
}
