package com.assuregateway.dossiers.entity;

/** A process with the dossier it belongs to, read together (most steps of the flow need both). */
public record ProcessInDossier(VerificationProcess process, Dossier dossier) {
}
