package com.assuregateway.reporting.control;

import com.assuregateway.reporting.control.AuditSql.SqlQuery;
import com.assuregateway.audit.entity.EventKind;
import com.assuregateway.reporting.entity.ProcessStatistics;
import com.assuregateway.reporting.entity.ProcessStatistics.DayCount;
import com.assuregateway.reporting.entity.ProcessStatistics.LevelCount;
import com.assuregateway.reporting.entity.ProcessStatistics.TenantCount;
import com.assuregateway.reporting.entity.ProcessSummary;
import com.assuregateway.reporting.entity.ServiceStatistics;
import com.assuregateway.reporting.entity.ServiceStatistics.DeliveryCount;
import com.assuregateway.reporting.entity.ProcessTimeline;
import com.assuregateway.dossiers.entity.DecisionOutcome;
import com.assuregateway.dossiers.entity.ProcessStatus;
import com.assuregateway.persistence.boundary.SchemaMigration;
import com.assuregateway.problems.entity.GatewayProblem;
import com.assuregateway.problems.entity.ProblemType;
import com.assuregateway.settings.control.AuditSettings;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.postgresql.PGStatement;

/**
 * Runs the audit queries of {@link AuditSql} over plain JDBC, in autocommit: no entities are built, nothing
 * is cached. Every statement has a timeout, and one that runs out is answered as {@code query-timeout}.
 * The reads that cover a whole range (exports, statistics, totals) run on the audit pool, not on the one the
 * flow needs; and an export reads keyset pages, each on a connection taken and given back at once, so a
 * client reading slowly holds no connection and no transaction between pages.
 */
@ApplicationScoped
public class AuditQueries {

    private static final Logger LOG = Logger.getLogger(AuditQueries.class.getName());
    /** PostgreSQL's "canceling statement due to statement timeout / user request". */
    private static final String QUERY_CANCELED = "57014";
    /** A timed-out read was a heavy one: give the database a moment before the same read comes again. */
    private static final int TIMEOUT_RETRY_AFTER_SECONDS = 30;
    /** The outcomes {@code AuditLog.upstreamCall} records for an answer Assure gave as it should. */
    private static final java.util.Set<String> SUCCESSFUL_CALLS = java.util.Set.of("ok", "not-found");

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource dataSource;

    @Resource(lookup = SchemaMigration.AUDIT_DATASOURCE)
    DataSource auditDataSource;

    @Inject
    @ConfigProperties
    AuditSettings settings;

    /** A page of rows, and where the next one starts (null when this one reached the end). */
    public record Page(List<ProcessSummary> rows, Cursor next) {
    }

    public Page page(ProcessFilter filter, Cursor after, int limit) {
        return page(dataSource, filter, after, limit);
    }

    /**
     * One page of an export: {@code gateway.audit.export-fetch-size} rows after {@code after} (from the start
     * when null), read on the audit pool. The pages of an export are not one snapshot: a row is never
     * repeated or skipped (the key, creation time and id, never changes), but a row may show a state newer
     * than the export's start, and one created behind the last page read is included. PostgreSQL reads only
     * the page's keys from the index; H2 reads the filter's range on one side of the position for every page
     * and sorts it, so on the embedded database a large export grows slower page by page (PostgreSQL is the
     * production database).
     */
    public Page exportPage(ProcessFilter filter, Cursor after) {
        return page(auditDataSource, filter, after, Math.max(1, settings.exportFetchSize()));
    }

    private Page page(DataSource source, ProcessFilter filter, Cursor after, int limit) {
        // one row more than asked says whether there is a next page, without counting
        List<ProcessSummary> rows = query(source, AuditSql.page(filter, after, limit + 1), AuditQueries::summary);
        if (rows.size() <= limit) {
            return new Page(rows, null);
        }
        List<ProcessSummary> page = List.copyOf(rows.subList(0, limit));
        ProcessSummary last = page.get(limit - 1);
        return new Page(page, new Cursor(last.createdAt(), last.processId(), filter.fingerprint()));
    }

    public long count(ProcessFilter filter) {
        return query(auditDataSource, AuditSql.count(filter), rows -> rows.getLong(1)).get(0);
    }

    /** The audit trail of one process, oldest first; empty when there is no such process. */
    public Optional<ProcessTimeline> timeline(String processId) {
        record Row(String tenant, String dossierId, ProcessTimeline.Entry entry) {
        }
        List<Row> rows = query(dataSource, AuditSql.timeline(processId), row -> {
            long id = row.getLong(3);
            ProcessTimeline.Entry entry = row.wasNull() ? null : new ProcessTimeline.Entry(id, instant(row, 4),
                    EventKind.valueOf(row.getString(5)), row.getString(6), row.getString(7), integer(row, 8),
                    longValue(row, 9), row.getString(10), row.getString(11), row.getString(12));
            return new Row(row.getString(1), row.getString(2), entry);
        });
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ProcessTimeline(processId, rows.get(0).tenant(), rows.get(0).dossierId(),
                rows.stream().map(Row::entry).filter(java.util.Objects::nonNull).toList()));
    }

    public ProcessStatistics statistics(ProcessFilter filter) {
        record Group(LocalDate day, DecisionOutcome decision, Integer matchLevel, boolean reviewed, long count) {
        }
        List<Group> groups = query(auditDataSource, AuditSql.statistics(filter), rows -> new Group(rows.getDate(1).toLocalDate(),
                decision(rows.getString(2)), integer(rows, 3), rows.getInt(4) == 1, rows.getLong(5)));
        Tally total = new Tally();
        Map<LocalDate, Map<DecisionOutcome, Long>> perDay = new TreeMap<>();
        Map<Integer, Long> levels = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
        for (Group g : groups) {
            total.add(g.decision(), g.reviewed(), g.count());
            perDay.computeIfAbsent(g.day(), day -> new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder())))
                    .merge(g.decision(), g.count(), Long::sum);
            levels.merge(g.matchLevel(), g.count(), Long::sum);
        }
        List<DayCount> days = new ArrayList<>();
        perDay.forEach((day, decisions) -> decisions.forEach((decision, n) -> days.add(new DayCount(day, decision, n))));
        List<LevelCount> histogram = new ArrayList<>();
        levels.forEach((level, n) -> histogram.add(new LevelCount(level, n)));
        return new ProcessStatistics(total.processes, total.decided, total.inconclusive, total.needingReview,
                total.reviewed, days, histogram, filter.tenant() == null ? perTenant(filter) : List.of());
    }

    /** Review times, Assure's error rate and the webhook deliveries over the filter (see {@link AuditSql}). */
    public ServiceStatistics service(ProcessFilter filter) {
        List<Duration> waits = query(auditDataSource, AuditSql.reviewTimes(filter),
                rows -> Duration.between(instant(rows, 1), instant(rows, 2)));
        record Outcome(String outcome, long count) {
        }
        long calls = 0;
        long failed = 0;
        for (Outcome outcome : query(auditDataSource, AuditSql.upstreamOutcomes(filter),
                rows -> new Outcome(rows.getString(1), rows.getLong(2)))) {
            calls += outcome.count();
            failed += SUCCESSFUL_CALLS.contains(outcome.outcome()) ? 0 : outcome.count();
        }
        List<DeliveryCount> deliveries = query(auditDataSource, AuditSql.deliveryStatuses(filter),
                rows -> new DeliveryCount(rows.getString(1).toLowerCase(java.util.Locale.ROOT), rows.getLong(2)));
        return new ServiceStatistics(ServiceStatistics.ReviewTimes.of(waits),
                new ServiceStatistics.UpstreamCalls(calls, failed),
                deliveries.stream().sorted(Comparator.comparing(DeliveryCount::status)).toList());
    }

    private List<TenantCount> perTenant(ProcessFilter filter) {
        Map<String, Tally> tenants = new TreeMap<>();
        query(auditDataSource, AuditSql.tenantStatistics(filter), rows -> {
            tenants.computeIfAbsent(rows.getString(1), t -> new Tally())
                    .add(decision(rows.getString(2)), rows.getInt(3) == 1, rows.getLong(4));
            return null;
        });
        List<TenantCount> result = new ArrayList<>();
        tenants.forEach((tenant, t) -> result.add(new TenantCount(tenant, t.processes, t.decided, t.inconclusive,
                t.needingReview, t.reviewed)));
        return result;
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private <T> List<T> query(DataSource source, SqlQuery query, RowReader<T> reader) {
        try (Connection connection = source.getConnection();
             PreparedStatement statement = prepare(connection, query)) {
            statement.setQueryTimeout(Math.max(1, settings.queryTimeoutSeconds()));
            List<T> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(reader.read(result));
                }
            }
            return rows;
        } catch (SQLException e) {
            if (timedOut(e)) {
                throw new GatewayProblem(ProblemType.QUERY_TIMEOUT, "The audit query ran longer than "
                        + Math.max(1, settings.queryTimeoutSeconds()) + " s and was canceled; narrow the filter (e.g. a shorter "
                        + "time range or one tenant) or retry later", null, TIMEOUT_RETRY_AFTER_SECONDS, List.of());
            }
            throw new IllegalStateException("Audit query failed (SQLState " + e.getSQLState() + ")", e);
        }
    }

    /** H2 reports a canceled statement as {@link SQLTimeoutException}; PostgreSQL's driver by SQLState only. */
    static boolean timedOut(SQLException e) {
        return e instanceof SQLTimeoutException || QUERY_CANCELED.equals(e.getSQLState());
    }

    private static PreparedStatement prepare(Connection connection, SqlQuery query) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(query.sql(), ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY);
        planWithTheValues(statement);
        List<Object> parameters = query.parameters();
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
        return statement;
    }

    /**
     * Keeps PostgreSQL from switching to a generic plan after a few executions: tenants differ thirtyfold in
     * size and some statuses are rare, so the right index depends on the values (docs/audit-plans.md).
     * Planning each time costs well under a millisecond.
     */
    private static void planWithTheValues(PreparedStatement statement) {
        try {
            if (statement.isWrapperFor(PGStatement.class)) {
                statement.unwrap(PGStatement.class).setPrepareThreshold(0);
            }
        } catch (SQLException e) {
            LOG.log(Level.FINE, "Statement is not PostgreSQL's; plans stay as the driver makes them", e);
        }
    }

    /**
     * Typed getters only: Payara's result set wrapper answers {@code getObject(int, Class)} by reflection on
     * every call, which made that half of an export's time.
     */
    private static ProcessSummary summary(ResultSet row) throws SQLException {
        return new ProcessSummary(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                row.getString(5), ProcessStatus.valueOf(row.getString(6)), row.getString(7), decision(row.getString(8)),
                row.getString(9), integer(row, 10), integer(row, 11), bool(row, 12), bool(row, 13), row.getString(14),
                row.getString(15), instant(row, 16), instant(row, 17), instant(row, 18), instant(row, 19),
                instant(row, 20), instant(row, 21), row.getString(22), row.getString(23));
    }

    /** A TIMESTAMP WITH TIME ZONE as the instant it denotes, whatever the JVM's zone. */
    private static Instant instant(ResultSet row, int column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Integer integer(ResultSet row, int column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    private static Long longValue(ResultSet row, int column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    private static Boolean bool(ResultSet row, int column) throws SQLException {
        boolean value = row.getBoolean(column);
        return row.wasNull() ? null : value;
    }

    private static DecisionOutcome decision(String stored) {
        return stored == null ? null : DecisionOutcome.valueOf(stored);
    }

    /** Running totals of one group of processes. */
    private static final class Tally {
        long processes;
        long decided;
        long inconclusive;
        long needingReview;
        long reviewed;

        void add(DecisionOutcome decision, boolean wasReviewed, long count) {
            processes += count;
            if (decision != null) {
                decided += count;
                inconclusive += decision == DecisionOutcome.INCONCLUSIVE ? count : 0;
                if (decision.needsReview()) {
                    needingReview += count;
                    reviewed += wasReviewed ? count : 0;
                }
            }
        }
    }
}
