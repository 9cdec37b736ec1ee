package com.assuregateway.webhooks.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.assuregateway.shared.control.Jsonp;
import com.assuregateway.webhooks.entity.EventPayload;
import com.standardwebhooks.Webhook;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventBodiesTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aBodyIsTypeTimestampAndDataWithNullsKept() {
        String body = EventBodies.of(new EventPayload.ProcessFinalized("d-1", "p-1", "inconclusive", "inconclusive",
                "match-level-below-minimum", "inconclusive", NOW), NOW);
        JsonObject json = Jsonp.PROVIDER.createReader(new StringReader(body)).readObject();
        assertThat(json.keySet()).containsExactly("type", "timestamp", "data");
        assertThat(json.getString("type")).isEqualTo("process.finalized");
        assertThat(json.getString("timestamp")).isEqualTo("2026-12-01T10:00:00Z");
        assertThat(json.getJsonObject("data").keySet()).containsExactly("dossierId", "processId", "status", "decision",
                "decisionReason", "assureStatus", "finalizedAt");

        JsonObject reviewed = Jsonp.PROVIDER.createReader(new StringReader(EventBodies.of(
                new EventPayload.ProcessReviewed("d-1", "p-1", "approve", "looked fine", "reviewer", null, NOW), NOW)))
                .readObject().getJsonObject("data");
        assertThat(reviewed.isNull("reviewer")).isTrue();
    }

    @Test
    void twoSecretsGiveTwoSignaturesEachVerifiableWithTheOfficialLibrary() throws Exception {
        String oldSecret = WebhookSecrets.generate();
        String newSecret = WebhookSecrets.generate();
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);
        String body = "{\"type\":\"webhook.test\"}";
        long timestamp = Instant.now().getEpochSecond();
        String header = WebhookSecrets.signatures("msg_1", timestamp, body, List.of(newSecret, oldSecret));
        String[] signatures = header.split(" ");
        assertThat(signatures).hasSize(2).allMatch(s -> s.startsWith("v1,"));
        new Webhook(newSecret).verify(body, headers("msg_1", timestamp, signatures[0]));
        new Webhook(oldSecret).verify(body, headers("msg_1", timestamp, signatures[1]));
        new Webhook(oldSecret).verify(body, headers("msg_1", timestamp, header));
    }

    private static Map<String, List<String>> headers(String id, long timestamp, String signature) {
        return Map.of("webhook-id", List.of(id), "webhook-timestamp", List.of(Long.toString(timestamp)),
                "webhook-signature", List.of(signature));
    }
}
