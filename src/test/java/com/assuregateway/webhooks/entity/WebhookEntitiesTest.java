package com.assuregateway.webhooks.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookEntitiesTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void anEndpointWantsItsTypesOrAllButATestEventOnlyWhenAsked() {
        WebhookEndpoint all = new WebhookEndpoint("e1", "t", "https://x", List.of(), "sealed", NOW);
        WebhookEndpoint some = new WebhookEndpoint("e2", "t", "https://x", List.of(EventType.DOSSIER_ERASED), "s", NOW);
        assertThat(all.subscribes(EventType.PROCESS_FINALIZED)).isTrue();
        assertThat(all.subscribes(EventType.WEBHOOK_TEST)).isFalse();
        assertThat(all.eventTypes()).isEmpty();
        assertThat(some.subscribes(EventType.DOSSIER_ERASED)).isTrue();
        assertThat(some.subscribes(EventType.PROCESS_REVIEWED)).isFalse();
        assertThat(some.eventTypes()).containsExactly(EventType.DOSSIER_ERASED);
    }

    @Test
    void aRotatedOutSecretSignsOnlyUntilTheOverlapEnds() {
        WebhookEndpoint endpoint = new WebhookEndpoint("e1", "t", "https://x", null, "old", NOW);
        assertThat(endpoint.previousSecretSealed(NOW)).isNull();
        endpoint.rotate("new", NOW.plusSeconds(60));
        assertThat(endpoint.secretSealed()).isEqualTo("new");
        assertThat(endpoint.previousSecretSealed(NOW.plusSeconds(59))).isEqualTo("old");
        assertThat(endpoint.previousSecretSealed(NOW.plusSeconds(60))).isNull();
    }

    @Test
    void aDeliveryIsPendingUntilDeliveredExhaustedOrCanceled() {
        WebhookDelivery delivery = new WebhookDelivery("d1", "msg_1", "e1", null, NOW);
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(delivery.nextAttemptAt()).isEqualTo(NOW);
        delivery.failed(500, "HTTP 500", NOW.plusSeconds(5), NOW);
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(delivery.attempts()).isEqualTo(1);
        delivery.failed(null, "x".repeat(400), null, NOW.plusSeconds(5));
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.EXHAUSTED);
        assertThat(delivery.lastError()).hasSize(300);
        assertThat(delivery.nextAttemptAt()).isNull();

        WebhookDelivery replayed = new WebhookDelivery("d2", "msg_1", "e1", "d1", NOW);
        replayed.delivered(204, NOW.plusSeconds(1));
        assertThat(replayed.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(replayed.deliveredAt()).isEqualTo(NOW.plusSeconds(1));
        assertThat(replayed.replayOf()).isEqualTo("d1");
    }

    @Test
    void twoHundredsAreDeliveredGoneEndsEverythingElseIsRetried() {
        assertThat(AttemptResult.answered(204, Optional.empty()).kind()).isEqualTo(AttemptResult.Kind.DELIVERED);
        assertThat(AttemptResult.answered(204, Optional.empty()).error()).isNull();
        assertThat(AttemptResult.answered(410, Optional.empty()).kind()).isEqualTo(AttemptResult.Kind.GONE);
        for (int status : new int[]{301, 302, 400, 404, 429, 500, 503}) {
            assertThat(AttemptResult.answered(status, Optional.of(Duration.ofSeconds(1))).kind()).as("" + status)
                    .isEqualTo(AttemptResult.Kind.FAILED);
        }
        assertThat(AttemptResult.noAnswer("timeout").kind()).isEqualTo(AttemptResult.Kind.FAILED);
    }
}
