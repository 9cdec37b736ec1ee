package com.assuregateway.settings.control;

import jakarta.enterprise.context.Dependent;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The Assure events webhook: {@code gateway.events.*}. */
@Dependent
@ConfigProperties(prefix = "gateway.events")
public class EventSettings {

    @ConfigProperty(name = "secret")
    Optional<String> secret;

    @ConfigProperty(name = "auth", defaultValue = "header")
    String auth;

    @ConfigProperty(name = "secret-header", defaultValue = "X-Assure-Event-Secret")
    String secretHeader;

    @ConfigProperty(name = "signature-header", defaultValue = "X-Assure-Event-Signature")
    String signatureHeader;

    @ConfigProperty(name = "max-body-bytes", defaultValue = "65536")
    int maxBodyBytes;

    @ConfigProperty(name = "max-process-ids", defaultValue = "100")
    int maxProcessIds;

    @ConfigProperty(name = "min-interval-seconds", defaultValue = "10")
    long minIntervalSeconds;

    public EventSettings() {
    }

    /** The flood rule's minimum interval as given, the rest as by default (unit tests). */
    public static EventSettings withMinIntervalSeconds(long minIntervalSeconds) {
        EventSettings settings = new EventSettings();
        settings.secret = Optional.empty();
        settings.auth = "header";
        settings.secretHeader = "X-Assure-Event-Secret";
        settings.signatureHeader = "X-Assure-Event-Signature";
        settings.maxBodyBytes = 65536;
        settings.maxProcessIds = 100;
        settings.minIntervalSeconds = minIntervalSeconds;
        return settings;
    }

    /** The webhook's shared secret (plain header or HMAC key); without it events are refused outside the sandbox. */
    public Optional<String> secret() {
        return secret;
    }

    /** {@code header} or {@code hmac}. */
    public String auth() {
        return auth;
    }

    public String secretHeader() {
        return secretHeader;
    }

    public String signatureHeader() {
        return signatureHeader;
    }

    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    /** At most this many process ids of one event are looked at. */
    public int maxProcessIds() {
        return maxProcessIds;
    }

    /** An event brings a process's next look forward at most once per this many seconds (or its backoff step). */
    public long minIntervalSeconds() {
        return minIntervalSeconds;
    }
}
