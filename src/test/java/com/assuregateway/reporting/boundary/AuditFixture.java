package com.assuregateway.reporting.boundary;

import com.assuregateway.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Rows written straight into the gateway's database, as the flow would have left them, with chosen times
 * and outcomes: the audit queries are checked against what these rows say, computed here, not by SQL.
 */
final class AuditFixture {

    /** One process as written; {@code decision}, {@code matchLevel} and {@code reviewedAt} may be null. */
    record Row(String id, String dossierId, String tenant, String externalReference, String provider, String status,
               String decision, Integer matchLevel, Instant reviewedAt, Instant createdAt, Instant updatedAt) {
    }

    private final List<Row> rows = new ArrayList<>();

    List<Row> rows() {
        return List.copyOf(rows);
    }

    static String newDossier(String tenant, String externalReference, Instant createdAt) {
        String id = UUID.randomUUID().toString();
        update("INSERT INTO dossier (id, tenant, external_reference, created_at, updated_at, version) "
                + "VALUES (?, ?, ?, ?, ?, 1)", id, tenant, externalReference, utc(createdAt), utc(createdAt));
        return id;
    }

    Row add(String dossierId, String tenant, String externalReference, String provider, String status,
            String decision, Integer matchLevel, Instant reviewedAt, Instant createdAt) {
        return add(UUID.randomUUID().toString(), dossierId, tenant, externalReference, provider, status, decision,
                matchLevel, reviewedAt, createdAt);
    }

    /** The process is updated two minutes after it was created, or when it was reviewed. */
    Row add(String id, String dossierId, String tenant, String externalReference, String provider, String status,
            String decision, Integer matchLevel, Instant reviewedAt, Instant createdAt) {
        Instant updatedAt = reviewedAt != null ? reviewedAt : createdAt.plusSeconds(120);
        update("INSERT INTO verification_process (id, dossier_id, tenant, provider, status, assure_status, "
                        + "match_level, decision, decision_reason, decided_at, review_outcome, reviewed_by, reviewed_at, "
                        + "created_at, updated_at, version, check_attempts) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 0)",
                id, dossierId, tenant, provider, status, status.toLowerCase(), matchLevel, decision,
                decision == null ? null : "fixture", decision == null ? null : utc(createdAt.plusSeconds(60)),
                reviewedAt == null ? null : "approve", reviewedAt == null ? null : "it-reviewer", utc(reviewedAt),
                utc(createdAt), utc(updatedAt));
        Row row = new Row(id, dossierId, tenant, externalReference, provider, status, decision, matchLevel,
                reviewedAt, createdAt, updatedAt);
        rows.add(row);
        return row;
    }

    /**
     * {@code count} accepted and reviewed processes of one dossier, a second apart from {@code from}, in one
     * batch, every exported text column at its longest: a record whose export outlasts every buffer between
     * the gateway and a client that stops reading.
     */
    static void bulk(String dossierId, String tenant, int count, Instant from) {
        String sql = "INSERT INTO verification_process (id, dossier_id, tenant, provider, status, assure_status, "
                + "decision, decision_reason, review_outcome, reviewed_by, reviewed_at, photo_sha256, "
                + "face_scan_sha256, created_at, updated_at, version, check_attempts) "
                + "VALUES (?, ?, ?, 'facetec', 'ACCEPTED', 'accepted', 'ACCEPTED', ?, 'approve', ?, ?, ?, ?, ?, ?, 1, 0)";
        String reason = "r".repeat(64);
        String reviewer = "it-reviewer-" + "v".repeat(188);
        try (Connection c = DriverManager.getConnection(TestDatabase.url(), System.getProperty("test.db.user"),
                System.getProperty("test.db.password"));
             PreparedStatement statement = c.prepareStatement(sql)) {
            c.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                Object at = utc(from.plusSeconds(i));
                statement.setString(1, UUID.randomUUID().toString());
                statement.setString(2, dossierId);
                statement.setString(3, tenant);
                statement.setString(4, reason);
                statement.setString(5, reviewer);
                statement.setObject(6, at);
                statement.setString(7, hex64());
                statement.setString(8, hex64()); // unique: a faceScan is never recorded twice
                statement.setObject(9, at);
                statement.setObject(10, at);
                statement.addBatch();
                if (i % 1000 == 999) {
                    statement.executeBatch();
                }
            }
            statement.executeBatch();
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** As long as a SHA-256 in hex, and as unique as two random UUIDs. */
    private static String hex64() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
    }

    private static Object utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static void update(String sql, Object... parameters) {
        try (Connection c = DriverManager.getConnection(TestDatabase.url(), System.getProperty("test.db.user"),
                System.getProperty("test.db.password"));
             PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
