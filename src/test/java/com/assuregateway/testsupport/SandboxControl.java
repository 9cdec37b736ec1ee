package com.assuregateway.testsupport;

import java.net.URL;

/**
 * The sandbox's control hooks (faults, revoked tokens, replaced results, issued-token count, calls in flight) as a test calls
 * them: with the control secret the test servers are started with (src/test/resources/arquillian.xml, and
 * CrashRecoveryIT's own sandbox process).
 */
public final class SandboxControl {

    public static final String HEADER = "X-Sandbox-Control-Secret";
    public static final String SECRET = "it-sandbox-control-secret";
    public static final String CONFIG_KEY = "gateway.sandbox.control-secret";

    private SandboxControl() {
    }

    /** Calls to the control hooks of the server at base, carrying the secret (and no bearer token). */
    public static Api of(URL base) {
        return new Api(base).withHeader(HEADER, SECRET);
    }

    /** How many access tokens the sandbox at base has issued since it started. */
    public static long issuedTokens(URL base) {
        Api.Answer answer = of(base).get("sandbox/control/tokens");
        if (answer.status() != 200) {
            throw new IllegalStateException("The sandbox did not count its tokens: " + answer);
        }
        return answer.json().getJsonNumber("issued").longValue();
    }

    /** The most Assure calls the sandbox at base answered at once since it started or was last reset. */
    public static int mostInFlight(URL base) {
        Api.Answer answer = of(base).get("sandbox/control/in-flight");
        if (answer.status() != 200) {
            throw new IllegalStateException("The sandbox did not count its calls in flight: " + answer);
        }
        return answer.json().getInt("most");
    }
}
