package com.assuregateway.persistence.boundary;

import com.assuregateway.persistence.control.AuditIdBlocks;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.annotation.sql.DataSourceDefinitions;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema to the newest migration from {@code db/} before the gateway serves anything. EclipseLink
 * never generates DDL: what the database looks like is exactly what the migrations say, on H2 and PostgreSQL.
 * <p>
 * The datasource is defined here from MicroProfile Config ({@code db.url}, {@code db.user},
 * {@code db.password}, i.e. the environment variables {@code DB_URL}, {@code DB_USER}, {@code DB_PASSWORD}), with
 * a small second pool on the same database for EclipseLink's id sequences and a third for the audit API's
 * heavy reads.
 */
@DataSourceDefinitions({
        @DataSourceDefinition(
                name = SchemaMigration.DATASOURCE,
                className = "com.assuregateway.persistence.control.UrlDataSource",
                url = SchemaMigration.DB_URL,
                user = SchemaMigration.DB_USER,
                password = SchemaMigration.DB_PASSWORD,
                minPoolSize = 2,
                maxPoolSize = 32,
                properties = {SchemaMigration.VALIDATE, SchemaMigration.VALIDATE_BY_METADATA,
                        SchemaMigration.FAIL_ALL_ON_ERROR}),
        // EclipseLink fetches the next block of audit_event ids on connections of this pool, outside the
        // request's transaction (persistence.xml). On the main pool, the thread fetching the block, holding
        // the sequence lock, waited for a connection while every connection was held by a thread waiting for
        // that lock: at 128 concurrent portals, 40 s stalls and 500s (docs/performance/README.md).
        @DataSourceDefinition(
                name = SchemaMigration.SEQUENCE_DATASOURCE,
                className = "com.assuregateway.persistence.control.UrlDataSource",
                url = SchemaMigration.DB_URL,
                user = SchemaMigration.DB_USER,
                password = SchemaMigration.DB_PASSWORD,
                transactional = false,
                minPoolSize = 1,
                maxPoolSize = 4,
                properties = {SchemaMigration.VALIDATE, SchemaMigration.VALIDATE_BY_METADATA,
                        SchemaMigration.FAIL_ALL_ON_ERROR}),
        // The audit API's whole-range reads (exports, statistics, totals) run here, so however many run, and
        // however slowly their clients read, the flow keeps the main pool. Sized for the default limits of
        // AuditPermits (2 exports + 2 aggregates); past its size a read waits for a connection, it never
        // reaches into the main pool.
        @DataSourceDefinition(
                name = SchemaMigration.AUDIT_DATASOURCE,
                className = "com.assuregateway.persistence.control.UrlDataSource",
                url = SchemaMigration.DB_URL,
                user = SchemaMigration.DB_USER,
                password = SchemaMigration.DB_PASSWORD,
                transactional = false,
                minPoolSize = 0,
                maxPoolSize = 4,
                properties = {SchemaMigration.VALIDATE, SchemaMigration.VALIDATE_BY_METADATA,
                        SchemaMigration.FAIL_ALL_ON_ERROR})
})
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    public static final String DATASOURCE = "java:app/jdbc/gateway";
    public static final String SEQUENCE_DATASOURCE = "java:app/jdbc/gateway-sequence";
    public static final String AUDIT_DATASOURCE = "java:app/jdbc/gateway-audit";

    // Both pools reach the same database with the same checks: one definition of each setting.
    static final String DB_URL = "${MPCONFIG=db.url}";
    static final String DB_USER = "${MPCONFIG=db.user}";
    static final String DB_PASSWORD = "${MPCONFIG=db.password}";
    static final String VALIDATE = "fish.payara.is-connection-validation-required=true";
    static final String VALIDATE_BY_METADATA = "fish.payara.connection-validation-method=meta-data";
    static final String FAIL_ALL_ON_ERROR = "fish.payara.fail-all-connections=true";

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = DATASOURCE)
    DataSource dataSource;

    private volatile String schemaVersion;

    @PostConstruct
    void migrate() {
        MigrateResult result = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                // migrations that must read the database before they change it are classes, not SQL files
                .javaMigrations(new AuditIdBlocks())
                .failOnMissingLocations(true)
                .load()
                .migrate();
        schemaVersion = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.info(() -> "Database schema at version " + schemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now)");
    }

    /** The version the migrations reached at start-up, or null before they ran. */
    public String schemaVersion() {
        return schemaVersion;
    }
}
