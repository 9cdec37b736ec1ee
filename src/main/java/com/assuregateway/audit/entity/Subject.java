package com.assuregateway.audit.entity;

/** What an event is about: always a dossier, and the process when there is one. */
public record Subject(String dossierId, String processId) {

    public static Subject dossier(String dossierId) {
        return new Subject(dossierId, null);
    }

    public static Subject process(String dossierId, String processId) {
        return new Subject(dossierId, processId);
    }
}
