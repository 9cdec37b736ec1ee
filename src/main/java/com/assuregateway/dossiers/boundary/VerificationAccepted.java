package com.assuregateway.dossiers.boundary;

/** Assure took the verification; the result is polled at the process. */
public record VerificationAccepted(String processId, String status) {
}
