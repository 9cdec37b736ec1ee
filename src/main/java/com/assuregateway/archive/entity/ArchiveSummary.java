package com.assuregateway.archive.entity;

import java.time.Instant;

/** What the API tells about an archive, without its contents. */
public record ArchiveSummary(String sha256, long sizeBytes, String keyId, Instant archivedAt) {
}
