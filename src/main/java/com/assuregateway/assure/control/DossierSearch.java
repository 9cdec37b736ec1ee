package com.assuregateway.assure.control;

import com.assuregateway.assure.entity.DossierLookup;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Finds the dossier an interrupted creation made, by its exact externalReference (the gateway's dossier id,
 * unique per creation), in Assure's list of its last {@value #LIST_SIZE} dossiers: the only search the Assure
 * API offers. Absence counts only where the list provably covers the moment the creation was asked for.
 */
public final class DossierSearch {

    /** How many dossiers Assure's GET /dossiers lists, newest first. */
    public static final int LIST_SIZE = 100;

    /** Allowance for the difference between the gateway's clock and Assure's. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    private DossierSearch() {
    }

    public static DossierLookup find(JsonArray dossiers, String reference, Instant requestedAt) {
        Instant oldest = null;
        int listed = 0;
        for (JsonValue value : dossiers) {
            if (!(value instanceof JsonObject dossier)) {
                continue;
            }
            listed++;
            if (reference.equals(dossier.getString("externalReference", null))
                    && dossier.getString("dossierId", null) != null) {
                return new DossierLookup.Found(dossier.getString("dossierId"));
            }
            Optional<Instant> created = instant(dossier.getString("createdAt", null));
            if (created.isEmpty()) {
                // a dossier without a readable time could be anywhere in the window
                return new DossierLookup.Inconclusive(listed);
            }
            oldest = oldest == null || created.get().isBefore(oldest) ? created.get() : oldest;
        }
        if (listed < LIST_SIZE) {
            return new DossierLookup.Absent();
        }
        boolean reachesBack = oldest != null && oldest.isBefore(requestedAt.minus(CLOCK_SKEW));
        return reachesBack ? new DossierLookup.Absent() : new DossierLookup.Inconclusive(listed);
    }

    private static Optional<Instant> instant(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(java.time.OffsetDateTime.parse(text).toInstant());
            } catch (DateTimeParseException notATime) {
                return Optional.empty();
            }
        }
    }
}
