package com.assuregateway.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.assuregateway.testsupport.Api.Answer;

/** The one check that an answer is an RFC 9457 problem of the given status and stable type. */
public final class ProblemAssert {

    public static final String PREFIX = "urn:assure-gateway:problem:";

    private ProblemAssert() {
    }

    public static void assertProblem(Answer answer, int status, String type) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).as(answer.toString()).startsWith("application/problem+json");
        assertThat(answer.json().getString("type")).as(answer.toString()).isEqualTo(PREFIX + type);
    }

    /**
     * The same, and a problem fit for a client that sent bad input: exactly {@code application/problem+json},
     * the status repeated in the body, a detail, and nothing of the server's insides (no exception, no stack).
     */
    public static void assertCleanProblem(Answer answer, int status, String type) {
        assertProblem(answer, status, type);
        assertThat(answer.contentType()).as(answer.toString()).isEqualTo("application/problem+json");
        assertThat(answer.json().getInt("status")).as(answer.toString()).isEqualTo(status);
        assertThat(answer.json().getString("detail")).as(answer.toString()).isNotBlank();
        assertThat(answer.text()).doesNotContain("Exception", "\tat ", "com.assuregateway");
    }
}
