package com.assuregateway.idempotency.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.assuregateway.idempotency.control.IdempotencyStore.Found;
import com.assuregateway.idempotency.entity.IdempotencyRecord;
import com.assuregateway.settings.control.IdempotencySettings;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What a request finds under its key: new, the first answer again, refused, wait, or start over. */
class IdempotencyRulesTest {

    private static final Instant T0 = Instant.parse("2026-07-01T10:00:00Z");
    private static final IdempotencySettings SETTINGS = IdempotencySettings.of(24, 120);
    private static final IdempotencyRecord.Key KEY = new IdempotencyRecord.Key("acme", "k-1");

    private static IdempotencyRecord claimedAt(Instant when) {
        return new IdempotencyRecord(KEY, "hash-a", "POST /api/v1/dossiers", null, when);
    }

    private static IdempotencyRecord answeredAt(Instant claimed) {
        IdempotencyRecord record = claimedAt(claimed);
        record.complete(201, "application/json", "/api/v1/dossiers/d", "{}", null, "d", claimed.plusSeconds(1));
        return record;
    }

    private static Found found(IdempotencyRecord existing, String hash, Instant now) {
        return IdempotencyStore.found(existing, hash, now, SETTINGS);
    }

    @Test
    void aNewKeyRuns() {
        assertThat(found(null, "hash-a", T0)).isEqualTo(Found.NONE);
    }

    @Test
    void theSameRequestAnsweredGetsItsFirstAnswerAnotherIsRefused() {
        IdempotencyRecord answered = answeredAt(T0);
        assertThat(found(answered, "hash-a", T0.plusSeconds(5))).isEqualTo(Found.REPLAY);
        assertThat(found(answered, "hash-b", T0.plusSeconds(5))).isEqualTo(Found.MISMATCH);
        // an answer is kept past the in-flight time: that is for unanswered requests only
        assertThat(found(answered, "hash-a", T0.plus(Duration.ofHours(23)))).isEqualTo(Found.REPLAY);
    }

    @Test
    void theSameRequestUnansweredWaitsUntilItCountsAsDead() {
        IdempotencyRecord inFlight = claimedAt(T0);
        assertThat(found(inFlight, "hash-a", T0.plusSeconds(120))).isEqualTo(Found.IN_FLIGHT);
        assertThat(found(inFlight, "hash-b", T0.plusSeconds(120))).isEqualTo(Found.MISMATCH);
        assertThat(found(inFlight, "hash-a", T0.plusSeconds(121))).isEqualTo(Found.DIED_IN_FLIGHT);
        // a dead request's key may be taken by another request too
        assertThat(found(inFlight, "hash-b", T0.plusSeconds(121))).isEqualTo(Found.DIED_IN_FLIGHT);
    }

    @Test
    void afterTheRetentionAKeyIsForgotten() {
        assertThat(found(answeredAt(T0), "hash-a", T0.plus(Duration.ofHours(24)))).isEqualTo(Found.REPLAY);
        assertThat(found(answeredAt(T0), "hash-b", T0.plus(Duration.ofHours(24)).plusMillis(1)))
                .isEqualTo(Found.EXPIRED);
        assertThat(found(claimedAt(T0), "hash-a", T0.plus(Duration.ofHours(25)))).isEqualTo(Found.EXPIRED);
    }

    @Test
    void aRestartedRequestCountsFromItsRestart() {
        IdempotencyRecord record = claimedAt(T0);
        record.restart("hash-b", "POST /api/v1/dossiers", null, T0.plusSeconds(200));
        assertThat(found(record, "hash-b", T0.plusSeconds(300))).isEqualTo(Found.IN_FLIGHT);
        assertThat(found(record, "hash-a", T0.plusSeconds(300))).isEqualTo(Found.MISMATCH);
    }
}
