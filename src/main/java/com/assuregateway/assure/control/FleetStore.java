package com.assuregateway.assure.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The fleet's shared state toward Assure, in PostgreSQL (tables of V15): the one access token, sealed, under a row
 * lock while it is renewed, and the permits of the fleet-wide cap, taken with {@code FOR UPDATE SKIP LOCKED} so that
 * callers never queue behind each other's row locks. Every method is a short transaction of its own, whatever
 * transaction the caller is in.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class FleetStore implements AccessTokens.Share, FleetPermits.Store {

    @PersistenceContext
    EntityManager em;

    @Inject
    TokenSeal seal;

    private volatile int slotsEnsured;

    /**
     * The shared token, or a new one when it is due: the row lock makes every other instance that finds it due
     * wait for this fetch and then take its token, so the fleet asks once per renewal. The token is kept sealed
     * ({@link TokenSeal}); one this instance cannot open counts as none.
     */
    @Override
    public AccessTokens.Token obtain(Clock clock, Supplier<AccessTokens.Token> fetchNew) {
        Object[] row = lockedRow();
        if (row[0] != null && clock.millis() < ((Number) row[1]).longValue()) {
            Optional<String> shared = seal.open((String) row[0]);
            if (shared.isPresent()) {
                return new AccessTokens.Token(shared.get(), Instant.ofEpochMilli(((Number) row[1]).longValue()),
                        Instant.ofEpochMilli(((Number) row[2]).longValue()));
            }
        }
        AccessTokens.Token fresh = fetchNew.get();
        em.createNativeQuery("UPDATE assure_fleet_token SET token = ?1, refresh_at_ms = ?2, expires_at_ms = ?3 "
                        + "WHERE id = 1")
                .setParameter(1, seal.seal(fresh.value()))
                .setParameter(2, fresh.refreshAt().toEpochMilli())
                .setParameter(3, fresh.expiresAt().toEpochMilli())
                .executeUpdate();
        return fresh;
    }

    /** Assure refused it: no instance takes it from here again (unless another has replaced it meanwhile). */
    @Override
    public void drop(String refused) {
        Object[] row = lockedRow();
        if (row[0] != null && seal.open((String) row[0]).filter(refused::equals).isPresent()) {
            em.createNativeQuery("UPDATE assure_fleet_token SET token = NULL, refresh_at_ms = NULL, "
                    + "expires_at_ms = NULL WHERE id = 1").executeUpdate();
        }
    }

    private Object[] lockedRow() {
        return (Object[]) em.createNativeQuery(
                "SELECT token, refresh_at_ms, expires_at_ms FROM assure_fleet_token WHERE id = 1 FOR UPDATE")
                .getSingleResult();
    }

    @Override
    public boolean tryTake(String holder, int cap, long nowMs, long leaseUntilMs) {
        if (slotsEnsured < cap) {
            em.createNativeQuery("INSERT INTO assure_call_permit (slot) SELECT s FROM generate_series(0, ?1 - 1) s "
                    + "ON CONFLICT DO NOTHING").setParameter(1, cap).executeUpdate();
            slotsEnsured = cap;
        }
        return em.createNativeQuery("UPDATE assure_call_permit SET holder = ?1, lease_until_ms = ?2 WHERE slot = "
                        + "(SELECT slot FROM assure_call_permit WHERE slot < ?3 AND (holder IS NULL OR lease_until_ms < ?4) "
                        + "ORDER BY slot LIMIT 1 FOR UPDATE SKIP LOCKED)")
                .setParameter(1, holder)
                .setParameter(2, leaseUntilMs)
                .setParameter(3, cap)
                .setParameter(4, nowMs)
                .executeUpdate() == 1;
    }

    @Override
    public void giveBack(String holder) {
        em.createNativeQuery("UPDATE assure_call_permit SET holder = NULL, lease_until_ms = NULL WHERE holder = ?1")
                .setParameter(1, holder)
                .executeUpdate();
    }
}
