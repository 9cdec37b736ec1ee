package com.assuregateway.persistence.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only when the database answers and holds the schema version the migrations reached at start-up:
 * a reachable but empty or foreign database is not ready.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private static final String LATEST_MIGRATION =
            "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" = TRUE AND \"version\" IS NOT NULL "
                    + "ORDER BY \"installed_rank\" DESC";

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource dataSource;

    @Inject
    SchemaMigration migration;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("database");
        String expected = migration.schemaVersion();
        if (expected == null) {
            return response.down().withData("reason", "migrations have not run").build();
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(LATEST_MIGRATION)) {
            statement.setQueryTimeout(2);
            statement.setMaxRows(1);
            try (ResultSet rows = statement.executeQuery()) {
                String found = rows.next() ? rows.getString(1) : null;
                boolean migrated = expected.equals(found);
                return response.status(migrated)
                        .withData("schemaVersion", String.valueOf(found))
                        .withData("expectedSchemaVersion", expected)
                        .build();
            }
        } catch (SQLException e) {
            return response.down().withData("reason", "database unreachable: " + e.getSQLState()).build();
        }
    }
}
