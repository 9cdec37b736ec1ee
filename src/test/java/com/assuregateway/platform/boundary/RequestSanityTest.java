package com.assuregateway.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pure rules of the request check: which charsets and query parameters are refused. */
class RequestSanityTest {

    @Test
    void anUnknownOrIllegalCharsetIsRefused() {
        assertThat(RequestSanity.known("x-unknown")).isFalse();
        assertThat(RequestSanity.known("no such")).isFalse();
        assertThat(RequestSanity.known("UTF-8")).isTrue();
        assertThat(RequestSanity.known("iso-8859-1")).isTrue();
        assertThat(RequestSanity.known(null)).isTrue();
    }

    @Test
    void eachQueryParameterWithControlCharactersIsNamedOnce() {
        assertThat(RequestSanity.controlCharacters(Map.of(
                "externalReference", List.of("a\u0000b"),
                "status", List.of("final", "pending\r\n"),
                "tenant", List.of("acme"))))
                .extracting("field").containsExactly("externalReference", "status");
        assertThat(RequestSanity.controlCharacters(Map.of("a\nb", List.of("x")))).extracting("field")
                .containsExactly("a\\u000ab");
    }
}
