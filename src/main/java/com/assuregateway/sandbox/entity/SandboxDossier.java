package com.assuregateway.sandbox.entity;

import java.time.Instant;

/** A dossier; immutable, replaced as a whole when it changes so map updates stay atomic. */
public record SandboxDossier(String dossierId, String externalReference, Instant createdAt, Instant updatedAt) {

    public SandboxDossier withUpdatedAt(Instant instant) {
        return new SandboxDossier(dossierId, externalReference, createdAt, instant);
    }
}
