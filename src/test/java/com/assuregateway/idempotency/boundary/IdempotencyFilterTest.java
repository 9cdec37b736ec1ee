package com.assuregateway.idempotency.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An idempotency record names the dossier it is about, so that an erasure of the dossier finds it. */
class IdempotencyFilterTest {

    private static final String D = "5f0c6f4e-2b1a-4d43-9a43-1f4f6f1d2c7e";

    @Test
    void aRequestUnderADossierIsAboutThatDossier() {
        assertThat(IdempotencyFilter.dossierOf("api/v1/dossiers/" + D + "/processes", null)).isEqualTo(D);
        assertThat(IdempotencyFilter.dossierOf("/api/v1/dossiers/" + D + "/processes/p/verification", null))
                .isEqualTo(D);
    }

    @Test
    void theRequestThatOpenedADossierIsAboutTheDossierOfItsLocation() {
        assertThat(IdempotencyFilter.dossierOf("api/v1/dossiers", "http://gw:8080/api/v1/dossiers/" + D))
                .isEqualTo(D);
    }

    @Test
    void aRequestAboutNoDossierNamesNone() {
        assertThat(IdempotencyFilter.dossierOf("api/v1/dossiers", null)).isNull();
        assertThat(IdempotencyFilter.dossierOf("api/v1/reviews", "http://gw/api/v1/other/x")).isNull();
    }
}
