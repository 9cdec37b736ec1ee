package com.assuregateway.dossiers.boundary;

import com.assuregateway.idempotency.entity.SecretParts;
import java.time.Instant;
import java.util.List;

/**
 * A new process and the parameters the portal's app initialises the FaceTec SDK with. They are handed on,
 * not stored: the app needs them once, and only Assure needs to know them after that. An answer kept for an
 * Idempotency-Key replay keeps the session sealed ({@link SecretParts}).
 */
public record ProcessCreatedView(String processId, String dossierId, String provider, String status,
                                 Instant createdAt, FaceTecSession facetecSession) implements SecretParts {

    @Override
    public List<String> secretMembers() {
        return List.of("facetecSession");
    }

    /** The FaceTec SDK session block; the public key is a PEM whose newlines matter. */
    public record FaceTecSession(String authorization, String deviceKeyIdentifier, String encryptionPublicKey,
                                 String productionKeyText) {
    }
}
