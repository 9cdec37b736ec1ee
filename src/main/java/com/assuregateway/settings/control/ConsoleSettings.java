package com.assuregateway.settings.control;

import jakarta.enterprise.context.Dependent;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The web console: {@code gateway.console.*}. */
@Dependent
@ConfigProperties(prefix = "gateway.console")
public class ConsoleSettings {

    static final String REVIEW_REASONS = "face-matches=The face matches the reference photo,"
            + "liveness-confirmed=A live person is seen in the audit-trail images,"
            + "face-differs=The face does not match the reference photo,"
            + "spoof-suspected=Signs of a photo\\, screen or mask,"
            + "poor-quality=The images are too poor to judge";

    @ConfigProperty(name = "session-minutes", defaultValue = "30")
    int sessionMinutes;

    @ConfigProperty(name = "secure-cookie", defaultValue = "true")
    boolean secureCookie;

    @ConfigProperty(name = "review-reasons", defaultValue = REVIEW_REASONS)
    List<String> reviewReasons;

    public ConsoleSettings() {
    }

    /** Idle minutes before a console session ends and its user signs in again. */
    public int sessionMinutes() {
        return sessionMinutes;
    }

    /** Whether the session cookie is sent over HTTPS only (browsers accept it on http://localhost too). */
    public boolean secureCookie() {
        return secureCookie;
    }

    /** The coded reasons a reviewer picks from, each {@code code=words}. */
    public List<String> reviewReasons() {
        return reviewReasons;
    }
}
