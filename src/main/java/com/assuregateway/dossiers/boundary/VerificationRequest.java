package com.assuregateway.dossiers.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Start verification: the enrollment, and which photo of the process to compare it with (selfie by default). */
public record VerificationRequest(
        @NotNull @Valid FaceTecEnrollment facetecEnrollment,
        @Pattern(regexp = "selfie|front", message = "must be selfie or front") String imageDepiction) {

    String depictionOrDefault() {
        return imageDepiction == null ? "selfie" : imageDepiction;
    }
}
