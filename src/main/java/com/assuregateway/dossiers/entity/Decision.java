package com.assuregateway.dossiers.entity;

/**
 * The gateway's decision and the rule that made it ({@code reason} is a stable code, e.g.
 * {@code security-check-failed:replayCheckSucceeded}), with the minimum match level it applied.
 */
public record Decision(DecisionOutcome outcome, String reason, int minimumMatchLevel) {
}
