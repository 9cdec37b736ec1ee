package com.assuregateway.testsupport;

import static com.assuregateway.testsupport.Eventually.eventually;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The database the gateway under test writes to, read directly over JDBC: tests check what was recorded,
 * not what the API says was recorded. Failsafe names it (test.db.url); the H2 file is opened through
 * H2's auto-server, so the test and the running gateway share it.
 */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static String url() {
        String url = System.getProperty("test.db.url");
        if (url == null) {
            throw new IllegalStateException("test.db.url is not set: run the in-container tests through mvn verify");
        }
        return url;
    }

    public static boolean isPostgres() {
        return url().startsWith("jdbc:postgresql:");
    }

    /** A fresh PostgreSQL schema per build, so a run never meets the tables of an earlier one. */
    public static void prepare() {
        if (!isPostgres()) {
            return;
        }
        String schema = url().replaceAll(".*currentSchema=([A-Za-z0-9_]+).*", "$1");
        String serverUrl = url().replaceAll("\\?.*", "");
        try (Connection c = DriverManager.getConnection(serverUrl, System.getProperty("test.db.user"),
                System.getProperty("test.db.password"));
             Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is needed for this run (" + serverUrl + ")", e);
        }
    }

    public static List<Map<String, Object>> query(String sql, Object... parameters) {
        try (Connection c = DriverManager.getConnection(url(), System.getProperty("test.db.user"),
                System.getProperty("test.db.password"));
             PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                ResultSetMetaData meta = rows.getMetaData();
                List<Map<String, Object>> result = new ArrayList<>();
                while (rows.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int col = 1; col <= meta.getColumnCount(); col++) {
                        row.put(meta.getColumnLabel(col).toLowerCase(Locale.ROOT), rows.getObject(col));
                    }
                    result.add(row);
                }
                return result;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /**
     * A change behind the gateway's back: as an attacker with write access to the database would make it, or a
     * test's clean-up of what it leaves for the next servers of the pass (they share the database).
     */
    public static int update(String sql, Object... parameters) {
        try (Connection c = DriverManager.getConnection(url(), System.getProperty("test.db.user"),
                System.getProperty("test.db.password"));
             PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public static Map<String, Object> single(String sql, Object... parameters) {
        List<Map<String, Object>> rows = query(sql, parameters);
        if (rows.size() != 1) {
            throw new AssertionError("Expected one row of " + sql + " but found " + rows.size());
        }
        return rows.get(0);
    }

    /** Everything the database holds, as text: H2's own SQL dump (SCRIPT), or pg_dump of this run's schema. */
    public static String dump() {
        if (!isPostgres()) {
            StringBuilder script = new StringBuilder();
            query("SCRIPT").forEach(row -> script.append(row.values().iterator().next()).append('\n'));
            return script.toString();
        }
        String schema = url().replaceAll(".*currentSchema=([A-Za-z0-9_]+).*", "$1");
        try {
            Process dump = new ProcessBuilder("pg_dump", "-h", "127.0.0.1", "-U", System.getProperty("test.db.user"),
                    "-n", schema, "test").redirectErrorStream(true).start();
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            dump.getInputStream().transferTo(out);
            if (!dump.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) || dump.exitValue() != 0) {
                throw new AssertionError("pg_dump failed: " + out.toString(java.nio.charset.StandardCharsets.UTF_8));
            }
            return out.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted during pg_dump", e);
        }
    }

    /** Polls the database until the query finds a row (bounded: 60 s), and answers that first row. */
    public static Map<String, Object> awaitRow(String why, String sql, Object... parameters) {
        return eventually(Duration.ofSeconds(60), why, () -> query(sql, parameters), rows -> !rows.isEmpty()).get(0);
    }

    /** The audit trail of a process, oldest first, as "KIND action outcome [http]" lines. */
    public static List<String> events(String processId) {
        return query("SELECT kind, action, outcome, http_status FROM audit_event WHERE process_id = ? "
                + "ORDER BY occurred_at, id", processId).stream()
                .map(r -> r.get("kind") + " " + r.get("action") + " " + r.get("outcome")
                        + (r.get("http_status") == null ? "" : " " + r.get("http_status")))
                .toList();
    }

    /**
     * Waits for the follow-up to archive a final process, looking at the database only (no portal call in
     * between). The archive and its audit event commit together, so after this the trail is complete.
     */
    public static Map<String, Object> awaitArchive(String processId) {
        return eventually(Duration.ofSeconds(60), "the follow-up archives process " + processId,
                () -> query("SELECT * FROM evidence_archive WHERE process_id = ?", processId),
                rows -> !rows.isEmpty()).get(0);
    }
}
