package com.assuregateway.webhooks.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A receiver to register: its URL, the event types it wants (every type when absent or empty), and, for an
 * admin token only, the tenant it receives the events of.
 */
public record WebhookEndpointRequest(
        @NotBlank @Size(max = 2000) String url,
        @Size(max = 10) List<@NotNull String> events,
        @Pattern(regexp = "[A-Za-z0-9._:@-]{1,64}", message = "must be a tenant id") String tenant) {
}
