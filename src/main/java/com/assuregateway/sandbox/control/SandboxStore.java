package com.assuregateway.sandbox.control;

import com.assuregateway.sandbox.entity.IssuedToken;
import com.assuregateway.sandbox.entity.ProcessSnapshot;
import com.assuregateway.sandbox.entity.SandboxDossier;
import com.assuregateway.sandbox.entity.SandboxProcess;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * All sandbox state, in memory only: it is test data and must vanish with the process.
 * Maps are concurrent and dossier changes are atomic map updates, so no orphan process can
 * survive a concurrent dossier delete.
 */
@ApplicationScoped
public class SandboxStore {

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong issued = new AtomicLong();
    private final Map<String, IssuedToken> tokens = new ConcurrentHashMap<>();
    private final Map<String, SandboxDossier> dossiers = new ConcurrentHashMap<>();
    private final Map<String, SandboxProcess> processes = new ConcurrentHashMap<>();

    public SandboxStore() {
        this(Clock.systemUTC());
    }

    /** For tests that need to move time forward. */
    public SandboxStore(Clock clock) {
        this.clock = clock;
    }

    public IssuedToken issueToken(Duration ttl) {
        Instant now = clock.instant();
        // expired tokens are dropped here so a long-running sandbox does not grow without bound
        tokens.values().removeIf(token -> !token.isValidAt(now));
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        IssuedToken token = new IssuedToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), now.plus(ttl));
        tokens.put(token.value(), token);
        issued.incrementAndGet();
        return token;
    }

    /** Every token issued since start, expired and revoked ones included: what a test counts fetches by. */
    public long issuedTokens() {
        return issued.get();
    }

    public boolean isTokenValid(String value) {
        if (value == null) {
            return false;
        }
        IssuedToken token = tokens.get(value);
        return token != null && token.isValidAt(clock.instant());
    }

    /** Makes every issued token invalid, so tests can drive the gateway's 401-then-refresh path. */
    public void revokeAllTokens() {
        tokens.clear();
    }

    public SandboxDossier createDossier(String externalReference) {
        Instant now = now();
        SandboxDossier dossier = new SandboxDossier(UUID.randomUUID().toString(), externalReference, now, now);
        dossiers.put(dossier.dossierId(), dossier);
        return dossier;
    }

    /** The newest dossiers first, at most limit, as Assure's list of the last 100. */
    public List<SandboxDossier> latestDossiers(int limit) {
        return dossiers.values().stream()
                .sorted(java.util.Comparator.comparing(SandboxDossier::createdAt).reversed())
                .limit(limit).toList();
    }

    public Optional<SandboxDossier> dossier(String dossierId) {
        return Optional.ofNullable(dossierId).map(dossiers::get);
    }

    public boolean deleteDossier(String dossierId) {
        if (dossierId == null || dossiers.remove(dossierId) == null) {
            return false;
        }
        processes.values().removeIf(process -> process.dossierId().equals(dossierId));
        return true;
    }

    /** @return empty when the dossier does not exist */
    public Optional<SandboxProcess> createProcess(String dossierId, String provider, String processType) {
        SandboxProcess[] created = new SandboxProcess[1];
        if (dossierId == null) {
            return Optional.empty();
        }
        // inside compute so that a concurrent deleteDossier either sees the process or wins before it exists
        dossiers.computeIfPresent(dossierId, (id, dossier) -> {
            SandboxProcess process = new SandboxProcess(UUID.randomUUID().toString(), id, provider, processType,
                    sequence.incrementAndGet(), clock);
            processes.put(process.processId(), process);
            created[0] = process;
            return dossier.withUpdatedAt(now());
        });
        return Optional.ofNullable(created[0]);
    }

    /** A process, only if it belongs to the given dossier. */
    public Optional<SandboxProcess> process(String dossierId, String processId) {
        return Optional.ofNullable(processId)
                .map(processes::get)
                .filter(process -> process.dossierId().equals(dossierId));
    }

    /** Snapshots of a dossier's processes in creation order. */
    public List<ProcessSnapshot> processesOf(String dossierId) {
        return processes.values().stream()
                .filter(process -> process.dossierId().equals(dossierId))
                .map(SandboxProcess::snapshot)
                .sorted(Comparator.comparingLong(ProcessSnapshot::sequence))
                .toList();
    }

    public boolean deleteProcess(String dossierId, String processId) {
        Optional<SandboxProcess> process = process(dossierId, processId);
        if (process.isEmpty() || !processes.remove(processId, process.get())) {
            return false;
        }
        dossiers.computeIfPresent(dossierId, (id, dossier) -> dossier.withUpdatedAt(now()));
        return true;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
