package com.assuregateway.idempotency.control;

import com.assuregateway.idempotency.entity.IdempotencyRecord;
import com.assuregateway.settings.control.IdempotencySettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * Claims a key for one request at a time, and keeps the answer for {@code gateway.idempotency.ttl-hours}.
 * A claim whose request died in flight (older than {@code gateway.idempotency.in-flight-seconds}) may be
 * taken over.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class IdempotencyStore {

    /** What the filter does with a request that carries a key. */
    public sealed interface Claim {
        /** The key is this request's now: go ahead and record the answer. */
        record Proceed() implements Claim {
        }

        /** The same request was answered before: send that answer again. */
        record Replay(IdempotencyRecord first) implements Claim {
        }

        /** The key was used for another request. */
        record Mismatch() implements Claim {
        }

        /** The first request with the key is still being answered. */
        record InFlight() implements Claim {
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperties
    IdempotencySettings settings;

    public Claim claim(IdempotencyRecord.Key key, String requestHash, String methodPath, String dossierId) {
        IdempotencyRecord existing = em.find(IdempotencyRecord.class, key, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        if (existing != null && existing.createdAt().isBefore(now.minus(Duration.ofHours(settings.ttlHours())))) {
            em.remove(existing);
            em.flush();
            existing = null;
        }
        if (existing == null) {
            em.persist(new IdempotencyRecord(key, requestHash, methodPath, dossierId, now));
            em.flush();
            return new Claim.Proceed();
        }
        if (existing.isCompleted()) {
            return existing.requestHash().equals(requestHash) ? new Claim.Replay(existing) : new Claim.Mismatch();
        }
        if (existing.createdAt().isBefore(now.minusSeconds(settings.inFlightSeconds()))) {
            existing.restart(requestHash, methodPath, dossierId, now);
            return new Claim.Proceed();
        }
        return existing.requestHash().equals(requestHash) ? new Claim.InFlight() : new Claim.Mismatch();
    }

    /**
     * Keeps the answer. An answer about a dossier is kept only if the dossier is not erased, decided under the
     * dossier row's lock, which the erasure holds while it deletes the dossier's records: a request answered
     * while its dossier was being erased leaves no record behind, whichever commits first.
     */
    public void complete(IdempotencyRecord.Key key, int status, String contentType, String location, String body,
                         String sealedParts, String dossierId) {
        IdempotencyRecord record = em.find(IdempotencyRecord.class, key);
        if (record == null) {
            return;
        }
        String about = dossierId != null ? dossierId : record.dossierId();
        if (about != null && erased(about)) {
            em.remove(record);
            return;
        }
        record.complete(status, contentType, location, body, sealedParts, dossierId, clock.instant());
    }

    /** Deletes every record about the dossier, within the erasure's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int forgetDossier(String dossierId) {
        return em.createQuery("DELETE FROM IdempotencyRecord r WHERE r.dossierId = :dossierId")
                .setParameter("dossierId", dossierId)
                .executeUpdate();
    }

    /**
     * Plain SQL on the dossier table, as this component has no entity of it: a row lock, waiting for an
     * erasure in progress, then its committed state.
     */
    private boolean erased(String dossierId) {
        java.util.List<?> rows = em.createNativeQuery("SELECT erased_at FROM dossier WHERE id = ? FOR UPDATE")
                .setParameter(1, dossierId)
                .getResultList();
        return !rows.isEmpty() && rows.get(0) != null;
    }

    /** The request failed in a way worth repeating (5xx): the key is free again. */
    public void release(IdempotencyRecord.Key key) {
        IdempotencyRecord record = em.find(IdempotencyRecord.class, key);
        if (record != null && !record.isCompleted()) {
            em.remove(record);
        }
    }

    /** Forgets answers older than the retention of keys. */
    public int purgeExpired() {
        return em.createQuery("DELETE FROM IdempotencyRecord r WHERE r.createdAt < :cutoff")
                .setParameter("cutoff", clock.instant().minus(Duration.ofHours(settings.ttlHours())))
                .executeUpdate();
    }
}
