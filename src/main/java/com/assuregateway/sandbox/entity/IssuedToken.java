package com.assuregateway.sandbox.entity;

import java.time.Instant;

/** An access token handed out by the sandbox token endpoint. */
public record IssuedToken(String value, Instant expiresAt) {

    public boolean isValidAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    /** Never prints the token value. */
    @Override
    public String toString() {
        return "IssuedToken[expiresAt=" + expiresAt + "]";
    }
}
