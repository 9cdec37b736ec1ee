package com.assuregateway.reporting.control;

import com.assuregateway.dossiers.entity.DecisionOutcome;
import com.assuregateway.dossiers.entity.ProcessStatus;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL of the audit queries, one shape per query type, chosen from PostgreSQL's plans
 * (docs/audit-plans.md). Plain SQL that H2 runs too. Pure: the benchmark runs exactly these statements
 * over bare JDBC to measure the floor the HTTP answers are compared with.
 */
public final class AuditSql {

    /** The columns of {@link com.assuregateway.reporting.entity.ProcessSummary}, in its order. */
    static final String COLUMNS = "p.id, p.dossier_id, p.tenant, d.external_reference, p.provider, p.status, "
            + "p.assure_status, p.decision, p.decision_reason, p.match_level, p.decision_minimum_match_level, "
            + "p.decision_agrees_with_assure, p.liveness_success, p.review_outcome, p.reviewed_by, p.reviewed_at, "
            + "p.created_at, p.updated_at, p.verification_started_at, p.finalized_at, p.decided_at, "
            + "p.photo_sha256, p.face_scan_sha256";

    private static final String REVIEWED_FLAG = "CASE WHEN p.reviewed_at IS NULL THEN 0 ELSE 1 END";
    private static final String DAY = "CAST(p.created_at AT TIME ZONE 'UTC' AS DATE)";

    private AuditSql() {
    }

    /** A statement and its parameters in order (Instants bound as UTC OffsetDateTime). */
    public record SqlQuery(String sql, List<Object> parameters) {
    }

    /**
     * One page in keyset order. The inner query finds the page's keys on one of the audit indexes alone
     * (an index-only scan: every filter column is in the index, so rows that do not match cost no heap
     * visit); only the page's own rows are then read and joined to their dossier.
     */
    public static SqlQuery page(ProcessFilter filter, Cursor after, int limit) {
        List<Object> parameters = new ArrayList<>();
        String where = where(filter, after, parameters);
        parameters.add(limit);
        String order = filter.newestFirst() ? "DESC" : "ASC";
        return new SqlQuery("SELECT " + COLUMNS
                + " FROM (SELECT p.created_at, p.id FROM verification_process p" + where
                + " ORDER BY p.created_at " + order + ", p.id " + order + " LIMIT ?) page"
                + " JOIN verification_process p ON p.id = page.id"
                + " JOIN dossier d ON d.id = p.dossier_id"
                + " ORDER BY page.created_at " + order + ", page.id " + order, parameters);
    }

    /** How many processes the filter holds (only when a client asks: it reads the whole range). */
    public static SqlQuery count(ProcessFilter filter) {
        List<Object> parameters = new ArrayList<>();
        return new SqlQuery("SELECT count(*) FROM verification_process p" + where(filter, null, parameters),
                parameters);
    }

    /** Every row of the filter in order, for a streamed export; the planner picks the join for the whole set. */
    public static SqlQuery export(ProcessFilter filter) {
        List<Object> parameters = new ArrayList<>();
        String order = filter.newestFirst() ? "DESC" : "ASC";
        return new SqlQuery("SELECT " + COLUMNS + " FROM verification_process p JOIN dossier d ON d.id = p.dossier_id"
                + where(filter, null, parameters) + " ORDER BY p.created_at " + order + ", p.id " + order, parameters);
    }

    /**
     * Counts per UTC day, decision, match level and reviewed-or-not in one pass over the index; the
     * statistics are folded from these groups (a few thousand at most for two years).
     */
    public static SqlQuery statistics(ProcessFilter filter) {
        List<Object> parameters = new ArrayList<>();
        return new SqlQuery("SELECT " + DAY + ", p.decision, p.match_level, " + REVIEWED_FLAG + ", count(*)"
                + " FROM verification_process p" + where(filter, null, parameters)
                + " GROUP BY " + DAY + ", p.decision, p.match_level, " + REVIEWED_FLAG, parameters);
    }

    /** Counts per tenant, decision and reviewed-or-not. */
    public static SqlQuery tenantStatistics(ProcessFilter filter) {
        List<Object> parameters = new ArrayList<>();
        return new SqlQuery("SELECT p.tenant, p.decision, " + REVIEWED_FLAG + ", count(*)"
                + " FROM verification_process p" + where(filter, null, parameters)
                + " GROUP BY p.tenant, p.decision, " + REVIEWED_FLAG, parameters);
    }

    /** When each reviewed process of the filter was decided and reviewed. */
    public static SqlQuery reviewTimes(ProcessFilter filter) {
        List<Object> parameters = new ArrayList<>();
        return new SqlQuery("SELECT p.decided_at, p.reviewed_at FROM verification_process p"
                + and(where(filter, null, parameters), "p.reviewed_at IS NOT NULL AND p.decided_at IS NOT NULL"),
                parameters);
    }

    /** The outcomes of the calls to Assure recorded for the filter's processes, counted. */
    public static SqlQuery upstreamOutcomes(ProcessFilter filter) {
        List<Object> parameters = new ArrayList<>();
        String where = and(where(filter, null, parameters), "e.kind = 'UPSTREAM'");
        return new SqlQuery("SELECT e.outcome, count(*) FROM verification_process p"
                + " JOIN audit_event e ON e.process_id = p.id" + where + " GROUP BY e.outcome", parameters);
    }

    /**
     * The webhook deliveries of the filter's tenant (every tenant without one) created in its creation range,
     * by status. Only the tenant and the creation range of the filter apply: a delivery belongs to no process.
     */
    public static SqlQuery deliveryStatuses(ProcessFilter filter) {
        List<Object> parameters = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        equal(conditions, parameters, "w.tenant", filter.tenant());
        range(conditions, parameters, "d.created_at", filter.createdFrom(), filter.createdTo());
        return new SqlQuery("SELECT d.status, count(*) FROM webhook_delivery d"
                + " JOIN webhook_endpoint w ON w.id = d.endpoint_id"
                + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions))
                + " GROUP BY d.status", parameters);
    }

    /**
     * A process's tenant and dossier with its events, oldest first, in one round trip: no row means no such
     * process; one row with null event columns, a process without events.
     */
    public static SqlQuery timeline(String processId) {
        return new SqlQuery("SELECT p.tenant, p.dossier_id, e.id, e.occurred_at, e.kind, e.action, e.outcome,"
                + " e.http_status, e.duration_ms, e.upstream_trace_id, e.correlation_id, e.detail"
                + " FROM verification_process p LEFT JOIN audit_event e ON e.process_id = p.id"
                + " WHERE p.id = ? ORDER BY e.occurred_at, e.id", List.of(processId));
    }

    static String where(ProcessFilter filter, Cursor after, List<Object> parameters) {
        List<String> conditions = new ArrayList<>();
        if (filter.tenant() != null) {
            conditions.add("p.tenant = ?");
            parameters.add(filter.tenant());
        }
        if (!filter.statuses().isEmpty()) {
            conditions.add("p.status IN (" + marks(filter.statuses().size()) + ")");
            filter.statuses().stream().sorted().map(ProcessStatus::name).forEach(parameters::add);
        }
        if (!filter.decisions().isEmpty() || filter.undecided()) {
            conditions.add(decisionCondition(filter.decisions(), filter.undecided()));
            filter.decisions().stream().sorted().map(DecisionOutcome::name).forEach(parameters::add);
        }
        equal(conditions, parameters, "p.provider", filter.provider());
        range(conditions, parameters, "p.created_at", filter.createdFrom(), filter.createdTo());
        range(conditions, parameters, "p.updated_at", filter.updatedFrom(), filter.updatedTo());
        if (filter.externalReference() != null) {
            // through the dossier's reference index; its tenant too when known (the unique index)
            conditions.add("p.dossier_id IN (SELECT r.id FROM dossier r WHERE r.external_reference = ?"
                    + (filter.tenant() != null ? " AND r.tenant = ?" : "") + ")");
            parameters.add(filter.externalReference());
            if (filter.tenant() != null) {
                parameters.add(filter.tenant());
            }
        }
        equal(conditions, parameters, "p.dossier_id", filter.dossierId());
        if (filter.matchLevelMin() != null) {
            conditions.add("p.match_level >= ?");
            parameters.add(filter.matchLevelMin());
        }
        if (filter.matchLevelMax() != null) {
            conditions.add("p.match_level <= ?");
            parameters.add(filter.matchLevelMax());
        }
        if (filter.reviewed() != null) {
            conditions.add(filter.reviewed() ? "p.reviewed_at IS NOT NULL" : "p.reviewed_at IS NULL");
        }
        if (after != null) {
            // a row value comparison: one index condition on (created_at, id) in both databases
            conditions.add("(p.created_at, p.id) " + (filter.newestFirst() ? "<" : ">") + " (?, ?)");
            parameters.add(after.createdAt().atOffset(ZoneOffset.UTC));
            parameters.add(after.id());
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static String and(String where, String condition) {
        return where.isEmpty() ? " WHERE " + condition : where + " AND " + condition;
    }

    private static String decisionCondition(Collection<DecisionOutcome> decisions, boolean undecided) {
        if (decisions.isEmpty()) {
            return "p.decision IS NULL";
        }
        String in = "p.decision IN (" + marks(decisions.size()) + ")";
        return undecided ? "(" + in + " OR p.decision IS NULL)" : in;
    }

    private static void equal(List<String> conditions, List<Object> parameters, String column, String value) {
        if (value != null) {
            conditions.add(column + " = ?");
            parameters.add(value);
        }
    }

    private static void range(List<String> conditions, List<Object> parameters, String column, Instant from,
                              Instant to) {
        if (from != null) {
            conditions.add(column + " >= ?");
            parameters.add(from.atOffset(ZoneOffset.UTC));
        }
        if (to != null) {
            conditions.add(column + " < ?");
            parameters.add(to.atOffset(ZoneOffset.UTC));
        }
    }

    private static String marks(int count) {
        return java.util.Collections.nCopies(count, "?").stream().collect(Collectors.joining(", "));
    }
}
