package com.assuregateway.webhooks.boundary;

import com.assuregateway.idempotency.entity.SecretParts;
import java.time.Instant;
import java.util.List;

/** A rotated endpoint's new secret (shown this once), and until when the old one still signs beside it. */
public record WebhookSecretView(String endpointId, String secret, Instant previousSecretUntil) implements SecretParts {

    @Override
    public List<String> secretMembers() {
        return List.of("secret");
    }
}
