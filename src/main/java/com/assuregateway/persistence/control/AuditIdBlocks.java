package com.assuregateway.persistence.control;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration 16: audit event ids are taken in blocks of {@link #BLOCK} instead of 20 (the entity's allocationSize says
 * the same). Each instance takes its next block under one EclipseLink lock; at 128 concurrent flows the threads
 * waiting for it were starved past EclipseLink's 40 s limit and their requests failed (docs/performance/README.md,
 * issue 17). A tenth as many block fetches makes that wait rare.
 * <p>
 * In Java, not SQL, because the sequence must also move past every id handed out so far, and where it stands is
 * read differently on PostgreSQL and H2: EclipseLink uses the {@code BLOCK} ids up to each value it draws, so the
 * next value must lie at least a block above the highest id any earlier block could hold (and may not be below
 * {@code BLOCK - 1}, which EclipseLink refuses on a new database). An instance still on blocks of 20 during a rolling
 * upgrade stays safe: it uses the 20 ids below each value it draws, which lie in that value's block of 200, and a few
 * blocks of margin cover values it drew while this ran.
 */
public class AuditIdBlocks implements JavaMigration {

    public static final int BLOCK = 200;
    private static final String SEQUENCE = "audit_event_seq";
    private static final long MARGIN_BLOCKS = 10;

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("16");
    }

    @Override
    public String getDescription() {
        return "audit ids in larger blocks";
    }

    @Override
    public Integer getChecksum() {
        return BLOCK;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        try (Statement sql = connection.createStatement()) {
            sql.execute("ALTER SEQUENCE " + SEQUENCE + " INCREMENT BY " + BLOCK);
            long highest = Math.max(single(sql, "SELECT COALESCE(MAX(id), 0) FROM audit_event"),
                    single(sql, postgres ? "SELECT last_value FROM " + SEQUENCE
                            : "SELECT BASE_VALUE FROM INFORMATION_SCHEMA.SEQUENCES WHERE LOWER(SEQUENCE_NAME) = '"
                            + SEQUENCE + "'"));
            long next = nextValue(highest);
            sql.execute(postgres ? "SELECT setval('" + SEQUENCE + "', " + next + ", false)"
                    : "ALTER SEQUENCE " + SEQUENCE + " RESTART WITH " + next);
        }
    }

    /** The first value to draw: its block lies wholly above every id used so far, with a margin. */
    static long nextValue(long highestUsed) {
        return Math.max(0, highestUsed) + BLOCK * (MARGIN_BLOCKS + 1);
    }

    private static long single(Statement sql, String query) throws SQLException {
        try (ResultSet row = sql.executeQuery(query)) {
            if (!row.next()) {
                throw new SQLException("No answer to " + query);
            }
            return row.getLong(1);
        }
    }
}
