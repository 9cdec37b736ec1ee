package com.assuregateway.webhooks.control;

/** A webhook URL the gateway will not call: not https, or a host that is (or resolves to) a private address. */
public class UnsafeTarget extends Exception {

    public UnsafeTarget(String message) {
        super(message);
    }
}
