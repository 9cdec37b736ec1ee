package com.assuregateway.webhooks.boundary;

import com.assuregateway.idempotency.entity.SecretParts;
import java.util.List;

/**
 * A new endpoint with its signing secret ({@code whsec_…}): shown this once, kept by the gateway only
 * sealed. An answer kept for an Idempotency-Key replay keeps the secret sealed too ({@link SecretParts}).
 */
public record WebhookEndpointCreated(WebhookEndpointView endpoint, String secret) implements SecretParts {

    @Override
    public List<String> secretMembers() {
        return List.of("secret");
    }
}
