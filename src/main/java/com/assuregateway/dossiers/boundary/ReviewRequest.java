package com.assuregateway.dossiers.boundary;

import com.assuregateway.shared.control.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A reviewer's verdict on an inconclusive process, and why. */
public record ReviewRequest(
        @NotNull @Pattern(regexp = "approve|reject", message = "must be approve or reject") String outcome,
        @NotBlank @Size(max = 1000) @PlainText(lineBreaks = true) String reason) {
}
