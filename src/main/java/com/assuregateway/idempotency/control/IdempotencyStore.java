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
        switch (found(existing, requestHash, now, settings)) {
            case EXPIRED:
                em.remove(existing);
                em.flush();
                // then as if there were none
            case NONE:
                em.persist(new IdempotencyRecord(key, requestHash, methodPath, dossierId, now));
                em.flush();
                return new Claim.Proceed();
            case REPLAY:
                return new Claim.Replay(existing);
            case DIED_IN_FLIGHT:
                existing.restart(requestHash, methodPath, dossierId, now);
                return new Claim.Proceed();
            case IN_FLIGHT:
                return new Claim.InFlight();
            default:
                return new Claim.Mismatch();
        }
    }

    /** What a request finds under its key, decided from the record alone. */
    public enum Found {
        /** No record: the request runs and its answer is kept. */
        NONE,
        /** A record older than the keys' retention: forgotten, the request runs as new. */
        EXPIRED,
        /** The same request was answered: its first answer again. */
        REPLAY,
        /** Another request used the key (answered or not): refused. */
        MISMATCH,
        /** The same request, unanswered for longer than any request takes: it died, this one runs. */
        DIED_IN_FLIGHT,
        /** The same request, still being answered: wait. */
        IN_FLIGHT
    }

    public static Found found(IdempotencyRecord existing, String requestHash, Instant now,
                              IdempotencySettings settings) {
        if (existing == null) {
            return Found.NONE;
        }
        if (existing.createdAt().isBefore(now.minus(Duration.ofHours(settings.ttlHours())))) {
            return Found.EXPIRED;
        }
        boolean same = existing.requestHash().equals(requestHash);
        if (existing.isCompleted()) {
            return same ? Found.REPLAY : Found.MISMATCH;
        }
        if (existing.createdAt().isBefore(now.minusSeconds(settings.inFlightSeconds()))) {
            return Found.DIED_IN_FLIGHT;
        }
        return same ? Found.IN_FLIGHT : Found.MISMATCH;
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
