package com.assuregateway.settings.control;

import jakarta.enterprise.context.Dependent;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The audit reads (lists, exports, statistics): {@code gateway.audit.*}. */
@Dependent
@ConfigProperties(prefix = "gateway.audit")
public class AuditSettings {

    @ConfigProperty(name = "default-page-size", defaultValue = "50")
    int defaultPageSize;

    @ConfigProperty(name = "max-concurrent-exports", defaultValue = "2")
    int maxConcurrentExports;

    @ConfigProperty(name = "max-concurrent-aggregates", defaultValue = "2")
    int maxConcurrentAggregates;

    @ConfigProperty(name = "export-fetch-size", defaultValue = "1000")
    int exportFetchSize;

    @ConfigProperty(name = "query-timeout-seconds", defaultValue = "30")
    int queryTimeoutSeconds;

    public AuditSettings() {
    }

    /** The concurrency limits as given, the rest as by default (unit tests). */
    public static AuditSettings withConcurrency(int maxConcurrentExports, int maxConcurrentAggregates) {
        AuditSettings settings = new AuditSettings();
        settings.defaultPageSize = 50;
        settings.maxConcurrentExports = maxConcurrentExports;
        settings.maxConcurrentAggregates = maxConcurrentAggregates;
        settings.exportFetchSize = 1000;
        settings.queryTimeoutSeconds = 30;
        return settings;
    }

    /** A list page without {@code limit}. */
    public int defaultPageSize() {
        return defaultPageSize;
    }

    public int maxConcurrentExports() {
        return maxConcurrentExports;
    }

    public int maxConcurrentAggregates() {
        return maxConcurrentAggregates;
    }

    /** Rows per fetch of an export. */
    public int exportFetchSize() {
        return exportFetchSize;
    }

    public int queryTimeoutSeconds() {
        return queryTimeoutSeconds;
    }
}
