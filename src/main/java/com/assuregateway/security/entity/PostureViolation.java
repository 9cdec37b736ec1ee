package com.assuregateway.security.entity;

/** One reason the gateway refuses to serve: the configuration key to change, and why. */
public record PostureViolation(String key, String reason) {

    @Override
    public String toString() {
        return key + ": " + reason;
    }
}
