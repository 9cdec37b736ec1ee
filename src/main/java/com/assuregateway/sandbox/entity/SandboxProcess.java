package com.assuregateway.sandbox.entity;

import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The only mutable sandbox record. Every method is synchronized: the gateway polls, uploads and
 * starts verification from different threads, and each state change must be atomic with its checks.
 *
 * <p>Life cycle: {@code pending} → (start verification) {@code processing} for N {@link #poll()}s →
 * the final status decided at start; or {@code pending} → {@link #fail} → {@code failed}.
 */
public final class SandboxProcess {

    private final String processId;
    private final String dossierId;
    private final String provider;
    private final String processType;
    private final long sequence;
    private final Clock clock;
    private final Instant createdAt;
    private final Map<Depiction, StoredImage> images = new EnumMap<>(Depiction.class);

    private ProcessStatus status = ProcessStatus.PENDING;
    private ProcessStatus decidedStatus;
    private JsonObject result;
    private int pollsLeft;
    private Instant updatedAt;

    public SandboxProcess(String processId, String dossierId, String provider, String processType,
                          long sequence, Clock clock) {
        this.processId = Objects.requireNonNull(processId, "processId");
        this.dossierId = Objects.requireNonNull(dossierId, "dossierId");
        this.provider = Objects.requireNonNull(provider, "provider");
        this.processType = processType;
        this.sequence = sequence;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.createdAt = now();
        this.updatedAt = createdAt;
    }

    public String processId() {
        return processId;
    }

    public String dossierId() {
        return dossierId;
    }

    public String provider() {
        return provider;
    }

    /** Adds or replaces images; Assure refuses uploads once verification has started. */
    public synchronized void putImages(Map<Depiction, StoredImage> newImages) {
        requirePending("Images can only be set while the process is pending");
        images.putAll(newImages);
        updatedAt = now();
    }

    public synchronized Optional<StoredImage> image(Depiction depiction) {
        return Optional.ofNullable(images.get(depiction));
    }

    /**
     * Starts verification. The outcome is decided now but only revealed after {@code processingPolls}
     * calls to {@link #poll()}, to exercise the gateway's polling.
     *
     * @throws IllegalStateException    when the process is not pending (a 409)
     * @throws IllegalArgumentException when the reference image is missing (a 400)
     */
    public synchronized void startVerification(Depiction reference, ProcessStatus finalStatus,
                                               JsonObject finalResult, int processingPolls) {
        requirePending("Verification has already been started or the process is closed");
        if (!images.containsKey(reference)) {
            throw new IllegalArgumentException(
                    "No " + reference.wireName() + " image has been set on this process");
        }
        if (!finalStatus.isFinal()) {
            throw new IllegalArgumentException("Not a final status: " + finalStatus.wireName());
        }
        status = ProcessStatus.PROCESSING;
        decidedStatus = finalStatus;
        result = Objects.requireNonNull(finalResult, "finalResult");
        pollsLeft = Math.max(0, processingPolls);
        updatedAt = now();
    }

    /**
     * Replaces the result a started verification will reveal, with any shape a test wants the gateway to
     * read (nested, flattened, partial). Only while the result is still hidden.
     */
    public synchronized void replaceResult(ProcessStatus finalStatus, JsonObject finalResult) {
        if (status != ProcessStatus.PROCESSING) {
            throw new IllegalStateException("Only a processing verification's result can be replaced (status: "
                    + status.wireName() + ")");
        }
        if (!finalStatus.isFinal()) {
            throw new IllegalArgumentException("Not a final status: " + finalStatus.wireName());
        }
        decidedStatus = finalStatus;
        result = Objects.requireNonNull(finalResult, "finalResult");
    }

    /** What GET process sees; the only call that uses up a processing poll. */
    public synchronized ProcessSnapshot poll() {
        if (status == ProcessStatus.PROCESSING) {
            if (pollsLeft > 0) {
                pollsLeft--;
            } else {
                status = decidedStatus;
                updatedAt = now();
            }
        }
        return snapshot();
    }

    /** Fails a pending process on request (the spec's {@code /fail}). */
    public synchronized ProcessSnapshot fail(JsonObject failResult) {
        requirePending("Only pending processes can be failed");
        status = ProcessStatus.FAILED;
        decidedStatus = ProcessStatus.FAILED;
        result = Objects.requireNonNull(failResult, "failResult");
        updatedAt = now();
        return snapshot();
    }

    /** A view that changes nothing, for download, dossier listing and answers to writes. */
    public synchronized ProcessSnapshot snapshot() {
        return new ProcessSnapshot(processId, dossierId, provider, processType, sequence, status,
                createdAt, updatedAt, images, status.isFinal() ? result : null);
    }

    private void requirePending(String message) {
        if (status != ProcessStatus.PENDING) {
            throw new IllegalStateException(message + " (status: " + status.wireName() + ")");
        }
    }

    private Instant now() {
        // Assure's timestamps have whole seconds
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
