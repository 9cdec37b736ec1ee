package com.assuregateway.dossiers.boundary;

import java.time.Instant;

/**
 * A new process and the parameters the portal's app initialises the FaceTec SDK with. They are handed on,
 * not stored: the app needs them once, and only Assure needs to know them after that.
 */
public record ProcessCreatedView(String processId, String dossierId, String provider, String status,
                                 Instant createdAt, FaceTecSession facetecSession) {

    /** The FaceTec SDK session block; the public key is a PEM whose newlines matter. */
    public record FaceTecSession(String authorization, String deviceKeyIdentifier, String encryptionPublicKey,
                                 String productionKeyText) {
    }
}
