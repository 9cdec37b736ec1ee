package com.assuregateway.sandbox.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.assuregateway.sandbox.control.SandboxFaults.Kind;
import org.junit.jupiter.api.Test;

/** The faults a test can plan by name, among them Assure no longer having something and a late answer. */
class SandboxFaultsTest {

    @Test
    void goneNotFoundAndLateArePlannedByTheirNames() {
        assertThat(Kind.of("410")).isEqualTo(Kind.GONE);
        assertThat(Kind.of("gone")).isEqualTo(Kind.GONE);
        assertThat(Kind.of("404")).isEqualTo(Kind.NOT_FOUND);
        assertThat(Kind.of("Late")).isEqualTo(Kind.LATE);
        assertThatThrownBy(() -> Kind.of("418")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPlannedFaultHitsOnlyItsOperationAndOnlyAsOftenAsPlanned() {
        SandboxFaults faults = new SandboxFaults();
        faults.plan(Kind.GONE, "getZipFile", 1, 0);
        assertThat(faults.take("GET", "/dossiers/d/processes/p")).isEmpty();
        assertThat(faults.take("GET", "/dossiers/d/processes/p/download")).map(SandboxFaults.Plan::kind)
                .contains(Kind.GONE);
        assertThat(faults.take("GET", "/dossiers/d/processes/p/download")).isEmpty();
    }
}
