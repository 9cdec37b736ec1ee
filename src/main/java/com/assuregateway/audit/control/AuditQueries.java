package com.assuregateway.audit.control;

import com.assuregateway.audit.control.AuditSql.SqlQuery;
import com.assuregateway.audit.entity.EventKind;
import com.assuregateway.audit.entity.ProcessStatistics;
import com.assuregateway.audit.entity.ProcessStatistics.DayCount;
import com.assuregateway.audit.entity.ProcessStatistics.LevelCount;
import com.assuregateway.audit.entity.ProcessStatistics.TenantCount;
import com.assuregateway.audit.entity.ProcessSummary;
import com.assuregateway.audit.entity.ProcessTimeline;
import com.assuregateway.dossiers.entity.DecisionOutcome;
import com.assuregateway.dossiers.entity.ProcessStatus;
import com.assuregateway.persistence.boundary.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.PGStatement;

/**
 * Runs the audit queries of {@link AuditSql} over plain JDBC: no entities are built, nothing is cached, and
 * an export streams row by row. Pages and statistics run in autocommit; an export in a transaction of its
 * own, because PostgreSQL's driver fetches a cursor in batches only inside one (the export only reads).
 */
@ApplicationScoped
public class AuditQueries {

    private static final Logger LOG = Logger.getLogger(AuditQueries.class.getName());

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "gateway.audit.export-fetch-size", defaultValue = "1000")
    int exportFetchSize;

    @Inject
    @ConfigProperty(name = "gateway.audit.query-timeout-seconds", defaultValue = "30")
    int queryTimeoutSeconds;

    /** A page of rows, and where the next one starts (null when this one reached the end). */
    public record Page(List<ProcessSummary> rows, Cursor next) {
    }

    /** Takes exported rows one at a time; may fail when the client has gone. */
    @FunctionalInterface
    public interface RowSink {
        void accept(ProcessSummary row) throws IOException;
    }

    public Page page(ProcessFilter filter, Cursor after, int limit) {
        // one row more than asked says whether there is a next page, without counting
        List<ProcessSummary> rows = query(AuditSql.page(filter, after, limit + 1), AuditQueries::summary);
        if (rows.size() <= limit) {
            return new Page(rows, null);
        }
        List<ProcessSummary> page = List.copyOf(rows.subList(0, limit));
        ProcessSummary last = page.get(limit - 1);
        return new Page(page, new Cursor(last.createdAt(), last.processId(), filter.fingerprint()));
    }

    public long count(ProcessFilter filter) {
        return query(AuditSql.count(filter), rows -> rows.getLong(1)).get(0);
    }

    /** The audit trail of one process, oldest first; empty when there is no such process. */
    public Optional<ProcessTimeline> timeline(String processId) {
        record Row(String tenant, String dossierId, ProcessTimeline.Entry entry) {
        }
        List<Row> rows = query(AuditSql.timeline(processId), row -> {
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
        List<Group> groups = query(AuditSql.statistics(filter), rows -> new Group(rows.getDate(1).toLocalDate(),
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

    private List<TenantCount> perTenant(ProcessFilter filter) {
        Map<String, Tally> tenants = new TreeMap<>();
        query(AuditSql.tenantStatistics(filter), rows -> {
            tenants.computeIfAbsent(rows.getString(1), t -> new Tally())
                    .add(decision(rows.getString(2)), rows.getInt(3) == 1, rows.getLong(4));
            return null;
        });
        List<TenantCount> result = new ArrayList<>();
        tenants.forEach((tenant, t) -> result.add(new TenantCount(tenant, t.processes, t.decided, t.inconclusive,
                t.needingReview, t.reviewed)));
        return result;
    }

    /**
     * Streams every row of the filter to the sink as the database delivers it, so memory stays flat however
     * many rows there are. On PostgreSQL the driver fetches {@code gateway.audit.export-fetch-size} rows at a
     * time only inside a transaction (a server-side portal); in autocommit it would read the whole result
     * into memory first.
     *
     * @return the number of rows written
     */
    public long export(ProcessFilter filter, RowSink sink) throws IOException {
        SqlQuery query = AuditSql.export(filter);
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (PreparedStatement statement = prepare(connection, query)) {
                statement.setFetchSize(exportFetchSize);
                long rows = 0;
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        sink.accept(summary(result));
                        rows++;
                    }
                }
                connection.commit();
                return rows;
            } catch (SQLException | IOException | RuntimeException e) {
                rollbackQuietly(connection);
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Audit export failed (SQLState " + e.getSQLState() + ")", e);
        }
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private <T> List<T> query(SqlQuery query, RowReader<T> reader) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, query)) {
            statement.setQueryTimeout(queryTimeoutSeconds);
            List<T> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(reader.read(result));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Audit query failed (SQLState " + e.getSQLState() + ")", e);
        }
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

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.log(Level.FINE, "Rollback after a failed export failed too", e);
        }
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
