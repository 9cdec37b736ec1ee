package com.assuregateway.dossiers.boundary;

import com.assuregateway.shared.control.PlainText;
import jakarta.validation.constraints.NotBlank;
import com.assuregateway.shared.control.PlainText;
import jakarta.validation.constraints.Size;

/** The portal's request for the dossier of one end-user. */
public record DossierRequest(
        @NotBlank @Size(max = 200) @PlainText String externalReference) {
}
