package com.assuregateway.dossiers.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Which verification to open; the gateway orchestrates FaceTec. */
public record ProcessRequest(
        @NotNull @Pattern(regexp = "facetec", message = "must be \"facetec\", the provider this gateway orchestrates")
        String provider) {
}
