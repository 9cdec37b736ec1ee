package com.assuregateway.dossiers.control;

import com.assuregateway.dossiers.entity.Dossier;
import java.time.Instant;

/**
 * Who creates a dossier at Assure, decided under the dossier row's lock: of two requests for one new end-user
 * only the one holding the claim calls Assure; the other waits for the link.
 */
public sealed interface CreationClaim {

    /** Assure's dossier is known: nothing to create. */
    record Linked(Dossier dossier) implements CreationClaim {
    }

    /** This request owns the creation: its intent is recorded, nothing earlier can exist at Assure. */
    record Create(Dossier dossier) implements CreationClaim {
    }

    /**
     * This request owns the creation, but an earlier attempt (asked for at earlierRequestAt) may have made the
     * dossier although its answer never came: look for it first.
     */
    record Recover(Dossier dossier, Instant earlierRequestAt) implements CreationClaim {
    }

    /** Another request owns the creation and may still be waiting for Assure. */
    record InFlight() implements CreationClaim {
    }

    /** The rule, on the state read under the lock. */
    static Kind decide(boolean linked, Instant requestedAt, boolean graceOver) {
        if (linked) {
            return Kind.LINKED;
        }
        if (requestedAt == null) {
            return Kind.CREATE;
        }
        return graceOver ? Kind.RECOVER : Kind.IN_FLIGHT;
    }

    enum Kind { LINKED, CREATE, RECOVER, IN_FLIGHT }
}
