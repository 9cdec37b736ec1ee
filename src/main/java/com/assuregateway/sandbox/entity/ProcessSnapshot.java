package com.assuregateway.sandbox.entity;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A consistent, immutable view of a {@link SandboxProcess} at one moment, so a response is never
 * built from a half-updated process.
 *
 * @param result the result fields ({@code providerSpecific}, {@code finalResult}, {@code failReason}, and
 *               a {@code status}) once the process is final, else {@code null}
 */
public record ProcessSnapshot(
        String processId,
        String dossierId,
        String provider,
        String processType,
        long sequence,
        ProcessStatus status,
        Instant createdAt,
        Instant updatedAt,
        Map<Depiction, StoredImage> images,
        JsonObject result) {

    public ProcessSnapshot {
        images = Map.copyOf(images);
    }

    /** Stored depictions in the spec's order. */
    public List<Depiction> depictions() {
        return images.keySet().stream().sorted().toList();
    }
}
