package com.assuregateway.webhooks.control;

import com.assuregateway.security.control.DeploymentPosture;
import com.assuregateway.settings.control.WebhookSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * Whether plain {@code http} and private addresses are allowed as webhook targets: when the operator says so
 * ({@code gateway.webhooks.allow-private-targets}, the tests), and in the trusted development mode (the
 * embedded run, whose receivers are on the developer's machine). Never by a default a production deployment
 * could inherit: the WAR's own configuration does not set the key.
 */
@ApplicationScoped
public class TargetPolicy {

    @Inject
    @ConfigProperties
    WebhookSettings settings;

    @Inject
    DeploymentPosture posture;

    public boolean privateAllowed() {
        return settings.allowPrivateTargets() || posture.developmentTrusted();
    }
}
