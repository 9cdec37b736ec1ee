package com.assuregateway.reporting.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.assuregateway.reporting.control.AuditSql.SqlQuery;
import com.assuregateway.dossiers.entity.DecisionOutcome;
import com.assuregateway.dossiers.entity.ProcessStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The audit's SQL: which conditions a filter adds, and that every value is a bound parameter, in order. */
class AuditSqlTest {

    private static final Instant FROM = Instant.parse("2026-07-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-08-01T00:00:00Z");

    private static ProcessFilter filter(String tenant, Set<ProcessStatus> statuses, Set<DecisionOutcome> decisions,
                                        boolean undecided, String externalReference, Boolean reviewed,
                                        boolean newestFirst) {
        return new ProcessFilter(tenant, statuses, decisions, undecided, null, null, null, null, null,
                externalReference, null, null, null, reviewed, newestFirst);
    }

    private static long marks(String sql) {
        return sql.chars().filter(c -> c == '?').count();
    }

    @Test
    void everythingHasNoWhereClause() {
        SqlQuery count = AuditSql.count(ProcessFilter.everything());
        assertThat(count.sql()).isEqualTo("SELECT count(*) FROM verification_process p");
        assertThat(count.parameters()).isEmpty();
    }

    @Test
    void eachCriterionIsOneConditionWithItsValuesBoundInOrder() {
        ProcessFilter filter = new ProcessFilter("acme", Set.of(ProcessStatus.REJECTED, ProcessStatus.ACCEPTED),
                Set.of(DecisionOutcome.UNKNOWN, DecisionOutcome.ACCEPTED), false, "facetec", FROM, TO, FROM, null,
                null, "d-1", 2, 7, true, true);
        SqlQuery count = AuditSql.count(filter);
        assertThat(count.sql()).isEqualTo("SELECT count(*) FROM verification_process p WHERE p.tenant = ?"
                + " AND p.status IN (?, ?) AND p.decision IN (?, ?) AND p.provider = ?"
                + " AND p.created_at >= ? AND p.created_at < ? AND p.updated_at >= ? AND p.dossier_id = ?"
                + " AND p.match_level >= ? AND p.match_level <= ? AND p.reviewed_at IS NOT NULL");
        // enum values sorted (declaration order) and stored by name; instants as UTC offsets
        assertThat(count.parameters()).containsExactly("acme", "ACCEPTED", "REJECTED", "ACCEPTED", "UNKNOWN",
                "facetec", FROM.atOffset(ZoneOffset.UTC), TO.atOffset(ZoneOffset.UTC), FROM.atOffset(ZoneOffset.UTC),
                "d-1", 2, 7);
        assertThat(marks(count.sql())).isEqualTo(count.parameters().size());
    }

    @Test
    void undecidedAloneOrBesideDecisions() {
        assertThat(AuditSql.count(filter(null, Set.of(), Set.of(), true, null, null, true)).sql())
                .endsWith(" WHERE p.decision IS NULL");
        SqlQuery both = AuditSql.count(filter(null, Set.of(), Set.of(DecisionOutcome.INCONCLUSIVE), true, null,
                null, true));
        assertThat(both.sql()).endsWith(" WHERE (p.decision IN (?) OR p.decision IS NULL)");
        assertThat(both.parameters()).containsExactly("INCONCLUSIVE");
    }

    @Test
    void notReviewedIsAConditionWithoutParameter() {
        SqlQuery query = AuditSql.count(filter(null, Set.of(), Set.of(), false, null, false, true));
        assertThat(query.sql()).endsWith(" WHERE p.reviewed_at IS NULL");
        assertThat(query.parameters()).isEmpty();
    }

    @Test
    void theExternalReferenceGoesThroughTheDossiersIndexWithItsTenantWhenKnown() {
        SqlQuery withTenant = AuditSql.count(filter("acme", Set.of(), Set.of(), false, "crm-1", null, true));
        assertThat(withTenant.sql()).contains("p.dossier_id IN (SELECT r.id FROM dossier r WHERE "
                + "r.external_reference = ? AND r.tenant = ?)");
        assertThat(withTenant.parameters()).containsExactly("acme", "crm-1", "acme");
        SqlQuery anyTenant = AuditSql.count(filter(null, Set.of(), Set.of(), false, "crm-1", null, true));
        assertThat(anyTenant.sql()).endsWith("WHERE r.external_reference = ?)");
        assertThat(anyTenant.parameters()).containsExactly("crm-1");
    }

    @Test
    void aPageIsKeysetOrderedAndLimitedAfterTheCursor() {
        Cursor after = new Cursor(FROM, "p-9", "f");
        SqlQuery newest = AuditSql.page(filter("acme", Set.of(), Set.of(), false, null, null, true), after, 50);
        assertThat(newest.sql()).contains("FROM (SELECT p.created_at, p.id FROM verification_process p"
                + " WHERE p.tenant = ? AND (p.created_at, p.id) < (?, ?) ORDER BY p.created_at DESC, p.id DESC LIMIT ?) page")
                .endsWith(" ORDER BY page.created_at DESC, page.id DESC");
        assertThat(newest.parameters()).containsExactly("acme", OffsetDateTime.of(2026, 7, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                "p-9", 50);
        assertThat(marks(newest.sql())).isEqualTo(4);

        SqlQuery oldest = AuditSql.page(filter(null, Set.of(), Set.of(), false, null, null, false), after, 10);
        assertThat(oldest.sql()).contains("(p.created_at, p.id) > (?, ?)").contains("ASC LIMIT ?")
                .endsWith("ORDER BY page.created_at ASC, page.id ASC");
        assertThat(AuditSql.page(ProcessFilter.everything(), null, 10).parameters()).containsExactly(10);
    }

    @Test
    void exportAndStatisticsShareTheFilter() {
        ProcessFilter byTenant = filter("acme", Set.of(), Set.of(), false, null, null, false);
        SqlQuery export = AuditSql.export(byTenant);
        assertThat(export.sql()).startsWith("SELECT " + AuditSql.COLUMNS + " FROM verification_process p JOIN dossier d")
                .endsWith(" WHERE p.tenant = ? ORDER BY p.created_at ASC, p.id ASC");
        assertThat(export.parameters()).containsExactly("acme");
        assertThat(AuditSql.statistics(byTenant).sql()).contains(" WHERE p.tenant = ? GROUP BY ");
        assertThat(AuditSql.tenantStatistics(byTenant).sql()).contains(" WHERE p.tenant = ? GROUP BY p.tenant");
    }

    @Test
    void theServiceQueriesShareTheFilterAndDeliveriesTakeOnlyItsTenantAndRange() {
        ProcessFilter byTenant = filter("acme", Set.of(ProcessStatus.ACCEPTED), Set.of(), false, null, null, false);
        assertThat(AuditSql.reviewTimes(byTenant).sql())
                .endsWith(" WHERE p.tenant = ? AND p.status IN (?) AND p.reviewed_at IS NOT NULL AND p.decided_at IS NOT NULL");
        assertThat(AuditSql.reviewTimes(ProcessFilter.everything()).sql())
                .endsWith(" p WHERE p.reviewed_at IS NOT NULL AND p.decided_at IS NOT NULL");
        SqlQuery upstream = AuditSql.upstreamOutcomes(byTenant);
        assertThat(upstream.sql()).contains(" JOIN audit_event e ON e.process_id = p.id WHERE p.tenant = ? AND p.status IN (?)"
                + " AND e.kind = 'UPSTREAM' GROUP BY e.outcome");
        assertThat(upstream.parameters()).containsExactly("acme", "ACCEPTED");
        SqlQuery deliveries = AuditSql.deliveryStatuses(new ProcessFilter("acme", Set.of(ProcessStatus.ACCEPTED), Set.of(),
                false, null, FROM, TO, null, null, null, null, null, null, null, false));
        assertThat(deliveries.sql()).endsWith(" WHERE w.tenant = ? AND d.created_at >= ? AND d.created_at < ? GROUP BY d.status");
        assertThat(deliveries.parameters()).containsExactly("acme", FROM.atOffset(ZoneOffset.UTC), TO.atOffset(ZoneOffset.UTC));
        assertThat(AuditSql.deliveryStatuses(ProcessFilter.everything()).sql()).doesNotContain("WHERE");
    }

    @Test
    void userInputNeverReachesTheSqlText() {
        String hostile = "x' OR '1'='1";
        SqlQuery query = AuditSql.count(filter(hostile, Set.of(), Set.of(), false, hostile, null, true));
        assertThat(query.sql()).doesNotContain(hostile).doesNotContain("'1'");
        assertThat(query.parameters()).containsExactly(hostile, hostile, hostile);
        assertThat(AuditSql.timeline(hostile).sql()).doesNotContain(hostile);
        assertThat(AuditSql.timeline(hostile).parameters()).isEqualTo(List.of(hostile));
    }
}
