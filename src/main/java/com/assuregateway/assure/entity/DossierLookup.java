package com.assuregateway.assure.entity;

/** What Assure's dossier list says about a creation whose answer was lost. */
public sealed interface DossierLookup {

    /** Assure has a dossier under exactly this reference. */
    record Found(String assureDossierId) implements DossierLookup {
    }

    /** The list reaches back before the creation was asked for and has none: Assure never made it. */
    record Absent() implements DossierLookup {
    }

    /**
     * The list is full and all of it is newer than the request: a dossier made then would have fallen off the
     * end, so its absence proves nothing.
     */
    record Inconclusive(int listed) implements DossierLookup {
    }
}
