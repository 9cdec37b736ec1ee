package com.assuregateway.sandbox.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.assuregateway.sandbox.entity.IssuedToken;
import com.assuregateway.sandbox.entity.ProcessSnapshot;
import com.assuregateway.sandbox.entity.SandboxDossier;
import com.assuregateway.sandbox.entity.SandboxProcess;
import com.assuregateway.testsupport.MovableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SandboxStoreTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final SandboxStore store = new SandboxStore(clock);

    @Test
    void tokensExpireAndCanBeRevoked() {
        IssuedToken token = store.issueToken(Duration.ofSeconds(600));

        assertThat(token.value()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(store.isTokenValid(token.value())).isTrue();
        assertThat(store.isTokenValid("made-up")).isFalse();
        assertThat(store.isTokenValid(null)).isFalse();
        clock.advance(Duration.ofSeconds(600));
        assertThat(store.isTokenValid(token.value())).isFalse();

        IssuedToken fresh = store.issueToken(Duration.ofSeconds(600));
        store.revokeAllTokens();
        assertThat(store.isTokenValid(fresh.value())).isFalse();
    }

    @Test
    void processesBelongToTheirDossierAndDieWithIt() {
        SandboxDossier dossier = store.createDossier("ref-1");
        SandboxDossier other = store.createDossier(null);
        SandboxProcess first = store.createProcess(dossier.dossierId(), "facetec", null).orElseThrow();
        SandboxProcess second = store.createProcess(dossier.dossierId(), "onfido", "document").orElseThrow();

        assertThat(store.process(other.dossierId(), first.processId())).isEmpty();
        assertThat(store.processesOf(dossier.dossierId())).extracting(ProcessSnapshot::processId)
                .containsExactly(first.processId(), second.processId());
        assertThat(store.createProcess("no-such-dossier", "facetec", null)).isEmpty();

        assertThat(store.deleteDossier(dossier.dossierId())).isTrue();
        assertThat(store.process(dossier.dossierId(), first.processId())).isEmpty();
        assertThat(store.deleteDossier(dossier.dossierId())).isFalse();
    }

    @Test
    void deletingAProcessTouchesTheDossier() {
        SandboxDossier dossier = store.createDossier(null);
        SandboxProcess process = store.createProcess(dossier.dossierId(), "facetec", null).orElseThrow();
        clock.advance(Duration.ofSeconds(30));

        assertThat(store.deleteProcess(dossier.dossierId(), process.processId())).isTrue();
        assertThat(store.deleteProcess(dossier.dossierId(), process.processId())).isFalse();
        assertThat(store.dossier(dossier.dossierId()).orElseThrow().updatedAt())
                .isEqualTo(Instant.parse("2025-01-01T00:00:30Z"));
    }
}
