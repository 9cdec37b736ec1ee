package com.assuregateway.dossiers.boundary;

/** A process of the review queue with the tenant it belongs to (the console lists both). */
public record QueuedProcess(ProcessView process, String tenant) {
}
