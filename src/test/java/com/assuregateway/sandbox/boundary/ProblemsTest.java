package com.assuregateway.sandbox.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemsTest {

    @Test
    void instanceIsAssuresOwnPath() {
        assertThat(Problems.instance("sandbox/assure/dossiers/abc")).isEqualTo("/assure/dossiers/abc");
        assertThat(Problems.instance("/sandbox/assure/dossiers")).isEqualTo("/assure/dossiers");
        assertThat(Problems.instance("sandbox/control/revoke-tokens")).isEqualTo("/control/revoke-tokens");
        assertThat(Problems.instance("elsewhere")).isEqualTo("/elsewhere");
    }

    @Test
    void traceIdsAre32RandomHexCharacters() {
        assertThat(Problems.traceId()).matches("[0-9a-f]{32}").isNotEqualTo(Problems.traceId());
    }
}
