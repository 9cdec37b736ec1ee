package com.assuregateway.settings.control;

import jakarta.enterprise.context.Dependent;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The sandbox mode: {@code gateway.sandbox.enabled}, off in code (the WAR's own configuration turns it on for
 * the embedded run). Read by the sandbox's endpoints (per request, {@link #enabledNow()}), the Assure client
 * (its default URLs), the events webhook (its development acceptance) and the deployment posture. The
 * sandbox's own knobs ({@code gateway.sandbox.*} faults, delays, token lifetime) are read per request by the
 * sandbox itself, each in one place.
 */
@Dependent
@ConfigProperties(prefix = "gateway.sandbox")
public class SandboxSettings {

    public static final String ENABLED = "gateway.sandbox.enabled";
    static final String ENABLED_DEFAULT = "false";

    @ConfigProperty(name = "enabled", defaultValue = ENABLED_DEFAULT)
    boolean enabled;

    public SandboxSettings() {
    }

    /** As given (unit tests). */
    public static SandboxSettings of(boolean enabled) {
        SandboxSettings settings = new SandboxSettings();
        settings.enabled = enabled;
        return settings;
    }

    public boolean enabled() {
        return enabled;
    }

    /** The value when no config source sets {@link #ENABLED}, for code that reads the key by name. */
    public static boolean enabledByDefault() {
        return Boolean.parseBoolean(ENABLED_DEFAULT);
    }

    /** Read now, from the config sources as they are: a changed source applies without a restart. */
    public static boolean enabledNow() {
        return ConfigProvider.getConfig().getOptionalValue(ENABLED, Boolean.class).orElse(enabledByDefault());
    }
}
