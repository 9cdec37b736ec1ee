package com.assuregateway.dossiers.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The portal's request for the dossier of one end-user. */
public record DossierRequest(
        @NotBlank @Size(max = 200) String externalReference) {
}
