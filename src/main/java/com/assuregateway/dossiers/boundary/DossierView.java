package com.assuregateway.dossiers.boundary;

import com.assuregateway.dossiers.entity.Dossier;
import com.assuregateway.dossiers.entity.VerificationProcess;
import java.time.Instant;
import java.util.List;

/** A dossier as portals see it, with a summary of each of its processes. */
public record DossierView(String dossierId, String externalReference, Instant createdAt, Instant updatedAt,
                          List<ProcessSummary> processes) {

    public record ProcessSummary(String processId, String provider, String status, Instant createdAt,
                                 Instant updatedAt) {
    }

    static DossierView of(Dossier dossier, List<VerificationProcess> processes) {
        return new DossierView(dossier.id(), dossier.externalReference(), dossier.createdAt(), dossier.updatedAt(),
                processes.stream()
                        // a reservation Assure has not confirmed is not a process the portal knows
                        .filter(VerificationProcess::isLinkedUpstream)
                        .map(p -> new ProcessSummary(p.id(), p.provider(), p.status().wire(), p.createdAt(),
                                p.updatedAt()))
                        .toList());
    }
}
