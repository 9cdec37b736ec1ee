package com.assuregateway.archive.entity;

/**
 * The retention period of one process's archive has passed (fired by {@code ArchiveRetention}, once an hour
 * for each such archive until it is gone). The archive does not know whose process it is: the owner of the
 * process record observes this, erases the archive and writes the audit event in one transaction.
 */
public record ArchiveExpired(String processId) {
}
