package com.assuregateway.idempotency.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The filter's rules: which requests take part, what a valid key is, what "the same request" means, which
 * answers are kept; and an idempotency record names the dossier it is about, so that an erasure finds it.
 */
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

    @Test
    void onlyPortalPostsWithAKeyTakePart() {
        assertThat(IdempotencyFilter.applies("POST", "api/v1/dossiers", "k")).isTrue();
        assertThat(IdempotencyFilter.applies("POST", "api/v1/dossiers/d/processes", "k")).isTrue();
        assertThat(IdempotencyFilter.applies("POST", "api/v1/dossiers", null)).isFalse();
        assertThat(IdempotencyFilter.applies("PUT", "api/v1/dossiers/d/processes/p/selfie", "k")).isFalse();
        assertThat(IdempotencyFilter.applies("GET", "api/v1/dossiers", "k")).isFalse();
        assertThat(IdempotencyFilter.applies("POST", "sandbox/assure/dossiers", "k")).isFalse();
        // Signicat's webhook is not a portal request: its retries are the flood rule's business
        assertThat(IdempotencyFilter.applies("POST", "api/v1/assure-events", "k")).isFalse();
    }

    @Test
    void aKeyIsOneToTwoHundredVisibleAsciiCharacters() {
        assertThat(IdempotencyFilter.validKey("a")).isTrue();
        assertThat(IdempotencyFilter.validKey("8e0f7a3c-5a4d-4c1e-9b1a-2f0e6d7c8b9a")).isTrue();
        assertThat(IdempotencyFilter.validKey("!~{}[]")).isTrue();
        assertThat(IdempotencyFilter.validKey("k".repeat(200))).isTrue();
        assertThat(IdempotencyFilter.validKey("k".repeat(201))).isFalse();
        assertThat(IdempotencyFilter.validKey("")).isFalse();
        assertThat(IdempotencyFilter.validKey("with space")).isFalse();
        assertThat(IdempotencyFilter.validKey("tab\t")).isFalse();
        assertThat(IdempotencyFilter.validKey("schlüssel")).isFalse();
    }

    @Test
    void theSameRequestIsTheSameMethodPathAndBodyBytes() {
        byte[] body = "{\"externalReference\":\"crm-1\"}".getBytes(StandardCharsets.UTF_8);
        String hash = IdempotencyFilter.requestHash("POST", "api/v1/dossiers", body);
        assertThat(hash).isEqualTo(IdempotencyFilter.requestHash("POST", "api/v1/dossiers", body.clone()));
        assertThat(hash).matches("[0-9a-f]{64}");
        assertThat(IdempotencyFilter.requestHash("POST", "api/v1/dossiers/x", body)).isNotEqualTo(hash);
        assertThat(IdempotencyFilter.requestHash("PUT", "api/v1/dossiers", body)).isNotEqualTo(hash);
        assertThat(IdempotencyFilter.requestHash("POST", "api/v1/dossiers",
                "{\"externalReference\": \"crm-1\"}".getBytes(StandardCharsets.UTF_8))).isNotEqualTo(hash);
    }

    @Test
    void answersAreKeptExceptServerErrorsAndRetryLaters() {
        assertThat(IdempotencyFilter.answerKept(201, false)).isTrue();
        assertThat(IdempotencyFilter.answerKept(200, false)).isTrue();
        // a client error is the request's answer: the same request gets it again
        assertThat(IdempotencyFilter.answerKept(400, false)).isTrue();
        assertThat(IdempotencyFilter.answerKept(409, false)).isTrue();
        assertThat(IdempotencyFilter.answerKept(499, false)).isTrue();
        assertThat(IdempotencyFilter.answerKept(500, false)).isFalse();
        assertThat(IdempotencyFilter.answerKept(502, false)).isFalse();
        assertThat(IdempotencyFilter.answerKept(503, true)).isFalse();
        assertThat(IdempotencyFilter.answerKept(429, true)).isFalse();
    }
}
