package com.assuregateway.dossiers.boundary;

import com.assuregateway.shared.control.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Use a photo of another process of the same dossier (an ID-document's front, say) as the reference. */
public record PhotoCopyRequest(
        @NotBlank @Size(max = 64) @PlainText String fromProcessId,
        @NotNull @Pattern(regexp = "front|back|selfie|portrait", message = "must be one of front, back, selfie, portrait")
        String depiction) {
}
