package com.assuregateway.reporting.control;

import com.assuregateway.dossiers.entity.DecisionOutcome;
import com.assuregateway.dossiers.entity.ProcessStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which processes an audit query reads. Every criterion is optional; null (or an empty set) means "any".
 * Time ranges are half-open: {@code from} inclusive, {@code to} exclusive. {@code undecided} adds the
 * processes without a decision yet to {@code decisions} ({@code decision=none}).
 */
public record ProcessFilter(String tenant, Set<ProcessStatus> statuses, Set<DecisionOutcome> decisions,
                            boolean undecided, String provider, Instant createdFrom, Instant createdTo,
                            Instant updatedFrom, Instant updatedTo, String externalReference, String dossierId,
                            Integer matchLevelMin, Integer matchLevelMax, Boolean reviewed, boolean newestFirst) {

    public ProcessFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        decisions = decisions == null ? Set.of() : Set.copyOf(decisions);
    }

    /** Every process, newest first. */
    public static ProcessFilter everything() {
        return new ProcessFilter(null, Set.of(), Set.of(), false, null, null, null, null, null, null, null, null,
                null, null, true);
    }

    public ProcessFilter withTenant(String scopedTenant) {
        return new ProcessFilter(scopedTenant, statuses, decisions, undecided, provider, createdFrom, createdTo,
                updatedFrom, updatedTo, externalReference, dossierId, matchLevelMin, matchLevelMax, reviewed,
                newestFirst);
    }

    /**
     * The criteria as query parameters, in a fixed order with sorted values: what an export's header line
     * says it holds, and what a cursor is bound to.
     */
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        put(p, "tenant", tenant);
        if (!statuses.isEmpty()) {
            p.put("status", statuses.stream().sorted().map(ProcessStatus::wire).collect(Collectors.joining(",")));
        }
        if (!decisions.isEmpty() || undecided) {
            String values = decisions.stream().sorted(Comparator.naturalOrder()).map(DecisionOutcome::wire)
                    .collect(Collectors.joining(","));
            p.put("decision", undecided ? (values.isEmpty() ? "none" : values + ",none") : values);
        }
        put(p, "provider", provider);
        put(p, "createdFrom", createdFrom);
        put(p, "createdTo", createdTo);
        put(p, "updatedFrom", updatedFrom);
        put(p, "updatedTo", updatedTo);
        put(p, "externalReference", externalReference);
        put(p, "dossierId", dossierId);
        put(p, "matchLevelMin", matchLevelMin);
        put(p, "matchLevelMax", matchLevelMax);
        put(p, "reviewed", reviewed);
        p.put("order", newestFirst ? "desc" : "asc");
        return p;
    }

    /** A short fingerprint of {@link #parameters()}: a cursor of one filter is refused by another. */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(parameters().toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static void put(Map<String, String> parameters, String name, Object value) {
        if (value != null) {
            parameters.put(name, value.toString());
        }
    }
}
