package com.assuregateway.settings.control;

import jakarta.enterprise.context.Dependent;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The evidence archive: {@code gateway.archive.*}. The key id and the keys themselves
 * ({@code gateway.archive.key-id}, {@code gateway.archive.key.<id>}) have no default and are read by name
 * where they are used (ArchiveKeys, the deployment posture).
 */
@Dependent
@ConfigProperties(prefix = "gateway.archive")
public class ArchiveSettings {

    public static final String PREFIX = "gateway.archive";
    public static final String ENABLED = PREFIX + ".enabled";
    static final String ENABLED_DEFAULT = "true";

    @ConfigProperty(name = "enabled", defaultValue = ENABLED_DEFAULT)
    boolean enabled;

    @ConfigProperty(name = "give-up-after-hours", defaultValue = "24")
    long giveUpAfterHours;

    @ConfigProperty(name = "retention-days", defaultValue = "3650")
    long retentionDays;

    @ConfigProperty(name = "delete-upstream", defaultValue = "false")
    boolean deleteUpstream;

    public ArchiveSettings() {
    }

    /** As given (unit tests). */
    public static ArchiveSettings of(boolean enabled, long giveUpAfterHours, long retentionDays, boolean deleteUpstream) {
        ArchiveSettings settings = new ArchiveSettings();
        settings.enabled = enabled;
        settings.giveUpAfterHours = giveUpAfterHours;
        settings.retentionDays = retentionDays;
        settings.deleteUpstream = deleteUpstream;
        return settings;
    }

    /** The value when no config source sets {@link #ENABLED}, for code that reads the key by name. */
    public static boolean enabledByDefault() {
        return Boolean.parseBoolean(ENABLED_DEFAULT);
    }

    public boolean enabled() {
        return enabled;
    }

    /** Assure never delivered the full result this long after the process became final: no archive. */
    public long giveUpAfterHours() {
        return giveUpAfterHours;
    }

    /** Archives older than this are erased. */
    public long retentionDays() {
        return retentionDays;
    }

    /** Whether the dossier at Assure is deleted once its archives are stored. */
    public boolean deleteUpstream() {
        return deleteUpstream;
    }
}
