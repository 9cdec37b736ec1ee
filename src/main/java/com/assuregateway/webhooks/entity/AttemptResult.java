package com.assuregateway.webhooks.entity;

import java.time.Duration;
import java.util.Optional;

/**
 * What one attempt got: the HTTP status (null when no answer came), why it failed, and the receiver's
 * {@code Retry-After}. 2xx is delivered, 410 Gone ends the endpoint, anything else is tried again.
 */
public record AttemptResult(Integer httpStatus, String error, Optional<Duration> retryAfter) {

    public enum Kind { DELIVERED, GONE, FAILED }

    public static AttemptResult answered(int httpStatus, Optional<Duration> retryAfter) {
        return new AttemptResult(httpStatus, httpStatus >= 200 && httpStatus < 300 ? null : "HTTP " + httpStatus,
                retryAfter);
    }

    public static AttemptResult noAnswer(String error) {
        return new AttemptResult(null, error, Optional.empty());
    }

    public Kind kind() {
        if (httpStatus == null) {
            return Kind.FAILED;
        }
        if (httpStatus >= 200 && httpStatus < 300) {
            return Kind.DELIVERED;
        }
        return httpStatus == 410 ? Kind.GONE : Kind.FAILED;
    }
}
