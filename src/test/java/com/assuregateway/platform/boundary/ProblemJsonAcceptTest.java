package com.assuregateway.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which Accept headers gain application/json, and at what quality (ApiDocumentationIT checks the answers). */
class ProblemJsonAcceptTest {

    @Test
    void problemJsonAloneOrBesideAnotherTypeAlsoAcceptsJsonAtItsQuality() {
        assertThat(ProblemJsonAccept.widened("application/problem+json"))
                .isEqualTo("application/problem+json, application/json");
        assertThat(ProblemJsonAccept.widened("application/zip, application/problem+json"))
                .isEqualTo("application/zip, application/problem+json, application/json");
        assertThat(ProblemJsonAccept.widened("text/csv, Application/Problem+JSON ; q=0.5"))
                .isEqualTo("text/csv, Application/Problem+JSON ; q=0.5, application/json;q=0.5");
    }

    @Test
    void whatTheClientSaysAboutJsonStands() {
        assertThat(ProblemJsonAccept.widened("application/problem+json, application/json;q=0"))
                .isEqualTo("application/problem+json, application/json;q=0");
        assertThat(ProblemJsonAccept.widened("application/json, application/problem+json"))
                .isEqualTo("application/json, application/problem+json");
    }

    @Test
    void nothingChangesWithoutAnAcceptableProblemJson() {
        assertThat(ProblemJsonAccept.widened(null)).isNull();
        assertThat(ProblemJsonAccept.widened("")).isEmpty();
        assertThat(ProblemJsonAccept.widened("*/*")).isEqualTo("*/*");
        assertThat(ProblemJsonAccept.widened("text/html")).isEqualTo("text/html");
        assertThat(ProblemJsonAccept.widened("application/problem+json;q=0")).isEqualTo("application/problem+json;q=0");
        assertThat(ProblemJsonAccept.widened("application/problem+json;q=x")).isEqualTo("application/problem+json;q=x");
    }
}
