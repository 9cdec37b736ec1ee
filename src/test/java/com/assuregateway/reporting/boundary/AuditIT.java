package com.assuregateway.reporting.boundary;

import static com.assuregateway.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.assuregateway.reporting.boundary.AuditFixture.Row;
import com.assuregateway.testsupport.Api.Answer;
import com.assuregateway.testsupport.Api;
import com.assuregateway.testsupport.GatewayTest;
import com.assuregateway.testsupport.Portal;
import com.assuregateway.testsupport.ProblemAssert;
import com.assuregateway.testsupport.TestDatabase;
import com.assuregateway.testsupport.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audit API over real HTTP against the real database: every filter, keyset pages while rows are being
 * written, tenant scope per role, timelines, statistics and both export formats. The rows are written
 * directly with chosen times and outcomes (in 2001, where no other test writes), once for the class; what
 * each answer must hold is computed from them here.
 */
class AuditIT extends GatewayTest {

    private static final String PROBLEM = ProblemAssert.PREFIX;
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String TENANT_A = "audit-a-" + RUN;
    private static final String TENANT_B = "audit-b-" + RUN;
    private static final Instant BASE = Instant.parse("2001-02-03T10:00:00Z");
    private static final String WINDOW = "createdFrom=2001-02-03&createdTo=2001-02-05";
    private static final String TRICKY_REFERENCE = "=sum(1,2) \"quoted\"";

    private static AuditFixture fixture;
    private static String flowProcessId;

    Api anonymous;
    Api auditor;
    Api portalA;

    @BeforeEach
    void connect() {
        anonymous = new Api(base);
        auditor = anonymous.as(Tokens.of(List.of("auditor"), null));
        portalA = anonymous.as(Tokens.portal(TENANT_A));
        if (fixture == null) {
            fixture = recordOfTwoTenants();
            flowProcessId = processThroughTheRealFlow();
        }
    }

    @Test
    void eachFilterSelectsExactlyItsRows() {
        Map<String, Predicate<Row>> filters = new LinkedHashMap<>();
        filters.put("", r -> true);
        filters.put("status=inconclusive", r -> r.status().equals("INCONCLUSIVE"));
        filters.put("status=pending,failed&status=expired", r -> Set.of("PENDING", "FAILED", "EXPIRED").contains(r.status()));
        filters.put("decision=accepted", r -> "ACCEPTED".equals(r.decision()));
        filters.put("decision=unknown&decision=rejected", r -> r.decision() != null && Set.of("UNKNOWN", "REJECTED").contains(r.decision()));
        filters.put("decision=none", r -> r.decision() == null);
        filters.put("decision=expired,none", r -> r.decision() == null || r.decision().equals("EXPIRED"));
        filters.put("provider=legacy", r -> r.provider().equals("legacy"));
        filters.put("createdFrom=2001-02-03T10:30:00Z", r -> !r.createdAt().isBefore(at(30)));
        filters.put("createdTo=2001-02-03T10:30:00Z", r -> r.createdAt().isBefore(at(30)));
        filters.put("createdFrom=2001-02-03T11:00:00%2B01:00&createdTo=2001-02-04", r -> !r.createdAt().isBefore(at(0))
                && r.createdAt().isBefore(Instant.parse("2001-02-04T00:00:00Z")));
        filters.put("updatedFrom=2001-02-03T12:00:00Z", r -> !r.updatedAt().isBefore(at(120)));
        filters.put("updatedTo=2001-02-03T10:22:00Z", r -> r.updatedAt().isBefore(at(22)));
        filters.put("externalReference=cust-1", r -> "cust-1".equals(r.externalReference()));
        filters.put("externalReference=" + encode(TRICKY_REFERENCE), r -> TRICKY_REFERENCE.equals(r.externalReference()));
        String dossier = fixture.rows().get(2).dossierId();
        filters.put("dossierId=" + dossier, r -> r.dossierId().equals(dossier));
        filters.put("matchLevelMin=4", r -> r.matchLevel() != null && r.matchLevel() >= 4);
        filters.put("matchLevelMax=3", r -> r.matchLevel() != null && r.matchLevel() <= 3);
        filters.put("matchLevelMin=1&matchLevelMax=7", r -> r.matchLevel() != null && r.matchLevel() >= 1 && r.matchLevel() <= 7);
        filters.put("reviewed=true", r -> r.reviewedAt() != null);
        filters.put("reviewed=false", r -> r.reviewedAt() == null);
        filters.put("status=accepted&decision=accepted&matchLevelMin=7&reviewed=false",
                r -> r.status().equals("ACCEPTED") && "ACCEPTED".equals(r.decision()) && r.matchLevel() != null
                        && r.matchLevel() >= 7 && r.reviewedAt() == null);

        for (var filter : filters.entrySet()) {
            for (String tenant : List.of(TENANT_A, TENANT_B)) {
                String query = filter.getKey() + (filter.getKey().isEmpty() ? "" : "&") + "tenant=" + tenant
                        + windowAround(filter.getKey());
                assertThat(ids(pageOf(auditor, query + "&limit=500&total=true")))
                        .as(query)
                        .containsExactlyElementsOf(expected(filter.getValue().and(r -> r.tenant().equals(tenant)), true));
            }
        }
        // no tenant: an auditor reads both, and only rows of the window
        assertThat(ids(pageOf(auditor, "externalReference=cust-1&" + WINDOW + "&limit=500")))
                .containsExactlyElementsOf(expected(r -> "cust-1".equals(r.externalReference()), true));
        assertThat(ids(pageOf(auditor, WINDOW + "&order=asc&limit=500")))
                .containsExactlyElementsOf(expected(r -> true, false));

        JsonObject counted = pageOf(auditor, "tenant=" + TENANT_A + "&decision=inconclusive&" + WINDOW + "&total=true&limit=1");
        assertThat(counted.getJsonNumber("total").longValue()).isEqualTo(2);
        assertThat(counted.getJsonArray("items")).hasSize(1);
        assertThat(pageOf(auditor, "tenant=" + TENANT_A).get("total")).isEqualTo(JsonValue.NULL);
    }

    @Test
    void aListedProcessCarriesWhatWasRecorded() {
        Row reviewed = fixture.rows().stream().filter(r -> r.tenant().equals(TENANT_A) && r.reviewedAt() != null
                && "INCONCLUSIVE".equals(r.decision())).findFirst().orElseThrow();
        JsonObject item = pageOf(auditor, "dossierId=" + reviewed.dossierId() + "&reviewed=true&decision=inconclusive")
                .getJsonArray("items").getJsonObject(0);
        assertThat(item.getString("processId")).isEqualTo(reviewed.id());
        assertThat(item.getString("tenant")).isEqualTo(TENANT_A);
        assertThat(item.getString("externalReference")).isEqualTo(reviewed.externalReference());
        assertThat(item.getString("status")).isEqualTo("inconclusive");
        assertThat(item.getString("decision")).isEqualTo("inconclusive");
        assertThat(item.getInt("matchLevel")).isEqualTo(reviewed.matchLevel());
        assertThat(item.getString("reviewedBy")).isEqualTo("it-reviewer");
        assertThat(Instant.parse(item.getString("reviewedAt"))).isEqualTo(reviewed.reviewedAt());
        assertThat(Instant.parse(item.getString("createdAt"))).isEqualTo(reviewed.createdAt());
    }

    @Test
    void theCursorVisitsEveryRowOnceWhileRowsAreInserted() {
        String tenant = "audit-c-" + RUN;
        Instant start = Instant.parse("2002-01-01T00:00:00Z");
        AuditFixture cursorRows = new AuditFixture();
        String dossier = AuditFixture.newDossier(tenant, "cust-c", start);
        List<String> initial = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            // rows 4, 5 and 6 share one instant: the cursor has to go by id among them
            Instant created = i >= 4 && i <= 6 ? start.plusSeconds(400) : start.plusSeconds(i * 100L);
            String id = i >= 4 && i <= 6 ? "5" + i + "000000-0000-0000-0000-000000000000" : UUID.randomUUID().toString();
            initial.add(cursorRows.add(id, dossier, tenant, "cust-c", "facetec", "ACCEPTED", "ACCEPTED", 8, null,
                    created).id());
        }
        Map<String, Instant> createdAt = cursorRows.rows().stream().collect(Collectors.toMap(Row::id, Row::createdAt));
        initial.sort(Comparator.comparing((String id) -> createdAt.get(id)).thenComparing(Comparator.naturalOrder()));

        String query = "tenant=" + tenant + "&order=asc&limit=3";
        List<String> seen = new ArrayList<>();
        JsonObject page = pageOf(auditor, query);
        seen.addAll(ids(page));
        // between pages: one row after everything (must come), one before the position (must not)
        String late = cursorRows.add(dossier, tenant, "cust-c", "facetec", "PENDING", null, null, null,
                start.plusSeconds(5000)).id();
        cursorRows.add(dossier, tenant, "cust-c", "facetec", "PENDING", null, null, null, start.minusSeconds(100));
        page = pageOf(auditor, query + "&cursor=" + page.getString("nextCursor"));
        seen.addAll(ids(page));
        assertThat(ids(page)).containsExactly(initial.get(3), initial.get(4), initial.get(5));
        // at the shared instant of the last row read: a larger id is still ahead, a smaller one behind
        String tieAhead = cursorRows.add("5f000000-0000-0000-0000-000000000000", dossier, tenant, "cust-c",
                "facetec", "PENDING", null, null, null, start.plusSeconds(400)).id();
        cursorRows.add("50000000-0000-0000-0000-000000000000", dossier, tenant, "cust-c", "facetec", "PENDING",
                null, null, null, start.plusSeconds(400));
        while (page.get("nextCursor") != JsonValue.NULL) {
            page = pageOf(auditor, query + "&cursor=" + page.getString("nextCursor"));
            seen.addAll(ids(page));
        }
        List<String> expected = new ArrayList<>(initial.subList(0, 6));
        expected.add(tieAhead);
        expected.addAll(initial.subList(6, 10));
        expected.add(late);
        assertThat(seen).containsExactlyElementsOf(expected).doesNotHaveDuplicates();

        // newest first: a row newer than the first page is above the position, an older one still ahead
        Set<String> before = new HashSet<>(ids(pageOf(auditor, "tenant=" + tenant + "&limit=500")));
        String descQuery = "tenant=" + tenant + "&limit=4";
        page = pageOf(auditor, descQuery);
        seen = new ArrayList<>(ids(page));
        cursorRows.add(dossier, tenant, "cust-c", "facetec", "PENDING", null, null, null, start.plusSeconds(9000));
        String oldest = cursorRows.add(dossier, tenant, "cust-c", "facetec", "PENDING", null, null, null,
                start.minusSeconds(9000)).id();
        while (page.get("nextCursor") != JsonValue.NULL) {
            page = pageOf(auditor, descQuery + "&cursor=" + page.getString("nextCursor"));
            seen.addAll(ids(page));
        }
        before.add(oldest);
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(before);
        assertThat(seen.get(seen.size() - 1)).isEqualTo(oldest);
    }

    @Test
    void aPortalReadsOnlyItsOwnTenantAndOtherRolesNothing() {
        JsonObject own = pageOf(portalA, "limit=500");
        assertThat(own.getJsonArray("items")).isNotEmpty()
                .allSatisfy(item -> assertThat(item.asJsonObject().getString("tenant")).isEqualTo(TENANT_A));
        assertThat(ids(own)).contains(flowProcessId);
        assertThat(ids(pageOf(portalA, "tenant=" + TENANT_A + "&" + WINDOW + "&limit=500")))
                .containsExactlyElementsOf(expected(r -> r.tenant().equals(TENANT_A), true));
        assertThat(ids(pageOf(portalA, "externalReference=cust-1&" + WINDOW)))
                .containsExactlyElementsOf(expected(r -> r.tenant().equals(TENANT_A) && "cust-1".equals(r.externalReference()), true));

        Row ofB = fixture.rows().stream().filter(r -> r.tenant().equals(TENANT_B)).findFirst().orElseThrow();
        assertProblem(portalA.get("api/v1/audit/processes?tenant=" + TENANT_B), 403, "forbidden");
        assertProblem(portalA.get("api/v1/audit/processes.csv?tenant=" + TENANT_B), 403, "forbidden");
        assertProblem(portalA.get("api/v1/audit/stats?tenant=" + TENANT_B), 403, "forbidden");
        assertProblem(portalA.get("api/v1/audit/processes/" + ofB.id() + "/events"), 404, "not-found");
        assertThat(auditor.get("api/v1/audit/processes/" + ofB.id() + "/events").status()).isEqualTo(200);

        for (String role : List.of("reviewer", "admin")) {
            Api other = anonymous.as(Tokens.of(List.of(role), TENANT_A));
            for (String path : List.of("processes", "processes/" + flowProcessId + "/events", "stats",
                    "processes.csv", "processes.ndjson")) {
                assertProblem(other.get("api/v1/audit/" + path), 403, "forbidden");
            }
        }
        assertProblem(anonymous.get("api/v1/audit/processes"), 401, "unauthorized");
        assertProblem(anonymous.as(Tokens.of(List.of("portal"), null)).get("api/v1/audit/processes"), 403, "forbidden");
    }

    @Test
    void badFiltersAreRefusedWithEveryOffendingField() {
        String path = "api/v1/audit/processes?";
        assertThat(fields(auditor.get(path + "status=accepted,bogus"))).containsExactly("status");
        assertThat(fields(auditor.get(path + "decision=maybe"))).containsExactly("decision");
        assertThat(fields(auditor.get(path + "createdFrom=yesterday"))).containsExactly("createdFrom");
        assertThat(fields(auditor.get(path + "updatedTo=2026-13-01"))).containsExactly("updatedTo");
        assertThat(fields(auditor.get(path + "createdFrom=2026-02-01&createdTo=2026-01-01"))).containsExactly("createdFrom");
        assertThat(fields(auditor.get(path + "cursor=bm90LWEtY3Vyc29y"))).containsExactly("cursor");
        assertThat(fields(auditor.get(path + "limit=501"))).containsExactly("limit");
        assertThat(fields(auditor.get(path + "limit=0"))).containsExactly("limit");
        assertThat(fields(auditor.get(path + "matchLevelMin=9"))).containsExactly("matchLevelMin");
        assertThat(fields(auditor.get(path + "matchLevelMin=5&matchLevelMax=2"))).containsExactly("matchLevelMin");
        assertThat(fields(auditor.get(path + "reviewed=maybe&order=sideways"))).containsExactlyInAnyOrder("reviewed", "order");
        assertThat(fields(auditor.get(path + "statuss=accepted"))).containsExactly("statuss");
        assertThat(fields(auditor.get(path + "tenant=a&tenant=b"))).containsExactly("tenant");
        assertThat(fields(auditor.get(path + "status=bogus&createdTo=soon&limit=1000&cursor=%25%25")))
                .containsExactlyInAnyOrder("status", "createdTo", "limit", "cursor");

        // a cursor is bound to its filter and order
        String cursor = pageOf(auditor, "tenant=" + TENANT_A + "&limit=1").getString("nextCursor");
        assertThat(fields(auditor.get(path + "tenant=" + TENANT_B + "&limit=1&cursor=" + cursor))).containsExactly("cursor");
        assertThat(fields(auditor.get(path + "tenant=" + TENANT_A + "&order=asc&cursor=" + cursor))).containsExactly("cursor");

        // the same checks before an export or statistics start
        assertThat(fields(auditor.get("api/v1/audit/processes.csv?status=bogus"))).containsExactly("status");
        assertThat(fields(auditor.get("api/v1/audit/processes.ndjson?limit=10"))).containsExactly("limit");
        assertThat(fields(auditor.get("api/v1/audit/stats?createdFrom=bad"))).containsExactly("createdFrom");
    }

    @Test
    void theTimelineIsEveryEventOfTheProcessOldestFirst() {
        Answer answer = portalA.get("api/v1/audit/processes/" + flowProcessId + "/events");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonObject timeline = answer.json();
        assertThat(timeline.getString("tenant")).isEqualTo(TENANT_A);
        List<String> events = timeline.getJsonArray("events").stream().map(JsonValue::asJsonObject)
                .map(e -> e.getString("kind").toUpperCase() + " " + e.getString("action") + " " + e.getString("outcome")
                        + (e.isNull("httpStatus") ? "" : " " + e.getInt("httpStatus")))
                .toList();
        assertThat(events).isEqualTo(TestDatabase.events(flowProcessId))
                .contains("STATE decision.made accepted");
        assertProblem(auditor.get("api/v1/audit/processes/" + UUID.randomUUID() + "/events"), 404, "not-found");
    }

    @Test
    void statisticsCountPerDayDecisionAndMatchLevel() {
        Answer answer = auditor.get("api/v1/audit/stats?tenant=" + TENANT_A + "&" + WINDOW);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonObject stats = answer.json();
        List<Row> rows = fixture.rows().stream().filter(r -> r.tenant().equals(TENANT_A)).toList();
        long decided = rows.stream().filter(r -> r.decision() != null).count();
        long inconclusive = rows.stream().filter(r -> "INCONCLUSIVE".equals(r.decision())).count();
        List<Row> needing = rows.stream().filter(r -> r.decision() != null
                && Set.of("INCONCLUSIVE", "UNKNOWN").contains(r.decision())).toList();
        long reviewed = needing.stream().filter(r -> r.reviewedAt() != null).count();
        assertThat(stats.getJsonNumber("processes").longValue()).isEqualTo(rows.size());
        assertThat(stats.getJsonNumber("decided").longValue()).isEqualTo(decided);
        assertThat(stats.getJsonNumber("inconclusive").longValue()).isEqualTo(inconclusive);
        assertThat(stats.getJsonNumber("needingReview").longValue()).isEqualTo(needing.size());
        assertThat(stats.getJsonNumber("reviewed").longValue()).isEqualTo(reviewed);
        assertThat(stats.getJsonNumber("inconclusiveRate").doubleValue()).isEqualTo((double) inconclusive / decided);
        assertThat(stats.getJsonNumber("reviewRate").doubleValue()).isEqualTo((double) needing.size() / decided);
        assertThat(stats.getJsonNumber("reviewedShare").doubleValue()).isEqualTo((double) reviewed / needing.size());
        assertThat(stats.getJsonObject("filter").getString("tenant")).isEqualTo(TENANT_A);

        Map<String, Long> perDay = new TreeMap<>();
        rows.forEach(r -> perDay.merge(LocalDate.ofInstant(r.createdAt(), ZoneOffset.UTC) + " "
                + (r.decision() == null ? null : r.decision().toLowerCase()), 1L, Long::sum));
        Map<String, Long> perDayAnswered = new TreeMap<>();
        stats.getJsonArray("perDay").stream().map(JsonValue::asJsonObject).forEach(d -> perDayAnswered.merge(
                d.getString("day") + " " + (d.isNull("decision") ? null : d.getString("decision")),
                d.getJsonNumber("processes").longValue(), Long::sum));
        assertThat(perDayAnswered).as("days are UTC: a process at midnight belongs to the day it starts")
                .isEqualTo(perDay);
        assertThat(perDay.keySet()).anyMatch(k -> k.startsWith("2001-02-04"));

        Map<String, Long> levels = new TreeMap<>();
        rows.forEach(r -> levels.merge(String.valueOf(r.matchLevel()), 1L, Long::sum));
        Map<String, Long> levelsAnswered = new TreeMap<>();
        stats.getJsonArray("matchLevels").stream().map(JsonValue::asJsonObject).forEach(l -> levelsAnswered.merge(
                l.isNull("matchLevel") ? "null" : String.valueOf(l.getInt("matchLevel")),
                l.getJsonNumber("processes").longValue(), Long::sum));
        assertThat(levelsAnswered).isEqualTo(levels);
        assertThat(stats.getJsonArray("perTenant")).isEmpty();

        JsonObject both = auditor.get("api/v1/audit/stats?" + WINDOW).json();
        Map<String, Long> perTenant = both.getJsonArray("perTenant").stream().map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(t -> t.getString("tenant"), t -> t.getJsonNumber("processes").longValue()));
        assertThat(perTenant).containsOnly(Map.entry(TENANT_A, (long) rows.size()),
                Map.entry(TENANT_B, fixture.rows().stream().filter(r -> r.tenant().equals(TENANT_B)).count()));
        JsonObject portalStats = portalA.get("api/v1/audit/stats?" + WINDOW).json();
        assertThat(portalStats.getJsonNumber("processes").longValue()).isEqualTo(rows.size());
    }

    @Test
    void exportsHoldTheFilterAndEveryRowOfIt() {
        String query = "tenant=" + TENANT_A + "&" + WINDOW + "&order=asc";
        List<String> expected = expected(r -> r.tenant().equals(TENANT_A), false);

        Answer csv = auditor.get("api/v1/audit/processes.csv?" + query);
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).startsWith("attachment; filename=\"processes-").endsWith(".csv\"");
        List<List<String>> lines = parseCsv(csv.text());
        assertThat(lines.get(0).get(0)).startsWith("# assure-gateway audit export of processes; generatedAt=")
                .contains("filter=tenant=" + TENANT_A + "&createdFrom=2001-02-03T00:00:00Z&createdTo=2001-02-05T00:00:00Z&order=asc");
        List<String> header = lines.get(1);
        assertThat(header).startsWith("processId", "dossierId", "tenant", "externalReference");
        List<List<String>> rows = lines.subList(2, lines.size() - 1);
        assertThat(rows.stream().map(r -> r.get(0)).toList()).containsExactlyElementsOf(expected);
        assertThat(lines.get(lines.size() - 1)).containsExactly("# complete; rows=" + expected.size());
        List<String> tricky = rows.stream().filter(r -> r.get(3).contains("sum(")).findFirst().orElseThrow();
        assertThat(tricky.get(3)).as("a formula is defused, quotes and commas survive").isEqualTo("'" + TRICKY_REFERENCE);

        Answer ndjson = auditor.get("api/v1/audit/processes.ndjson?" + query);
        assertThat(ndjson.status()).as(ndjson.toString()).isEqualTo(200);
        assertThat(ndjson.contentType()).startsWith("application/x-ndjson");
        List<JsonObject> objects = ndjson.text().lines()
                .map(line -> Json.createReader(new StringReader(line)).readObject()).toList();
        JsonObject meta = objects.get(0);
        assertThat(meta.getString("export")).isEqualTo("processes");
        assertThat(Instant.parse(meta.getString("generatedAt"))).isAfter(Instant.now().minusSeconds(600));
        assertThat(meta.getJsonObject("filter")).containsEntry("tenant", Json.createValue(TENANT_A))
                .containsEntry("order", Json.createValue("asc"));
        assertThat(meta.getJsonArray("fields").getValuesAs(jakarta.json.JsonString::getString)).isEqualTo(header);
        List<JsonObject> exported = objects.subList(1, objects.size() - 1);
        assertThat(objects.get(objects.size() - 1)).isEqualTo(Json.createObjectBuilder()
                .add("complete", true).add("rows", expected.size()).build());
        // each exported object is the listed item, field for field
        List<JsonObject> listed = pageOf(auditor, query + "&limit=500").getJsonArray("items").getValuesAs(JsonObject.class);
        assertThat(exported).hasSameSizeAs(listed);
        for (int i = 0; i < listed.size(); i++) {
            assertThat(new TreeMap<>(exported.get(i))).isEqualTo(new TreeMap<>(listed.get(i)));
        }

        // a portal's export is its own tenant's, whatever it leaves out of the filter
        Answer portalCsv = portalA.get("api/v1/audit/processes.csv?" + WINDOW);
        assertThat(parseCsv(portalCsv.text()).stream().skip(2).filter(r -> r.size() > 1).map(r -> r.get(2)).distinct())
                .containsExactly(TENANT_A);
    }

    // --- the record the tests read

    /** Two tenants in 2001; tenant A's rows are spread over two UTC days, with one process exactly at midnight. */
    private static AuditFixture recordOfTwoTenants() {
        AuditFixture f = new AuditFixture();
        String a1 = AuditFixture.newDossier(TENANT_A, "cust-1", BASE);
        String a2 = AuditFixture.newDossier(TENANT_A, TRICKY_REFERENCE, BASE);
        String a3 = AuditFixture.newDossier(TENANT_A, "cust-3", BASE);
        String b1 = AuditFixture.newDossier(TENANT_B, "cust-1", BASE);
        f.add(a1, TENANT_A, "cust-1", "facetec", "ACCEPTED", "ACCEPTED", 8, null, at(0));
        f.add(a1, TENANT_A, "cust-1", "facetec", "INCONCLUSIVE", "INCONCLUSIVE", 4, at(26 * 60), at(10));
        f.add(a2, TENANT_A, TRICKY_REFERENCE, "facetec", "INCONCLUSIVE", "INCONCLUSIVE", 2, null, at(20));
        f.add(a2, TENANT_A, TRICKY_REFERENCE, "facetec", "REJECTED", "REJECTED", 0, null, at(30));
        f.add(a3, TENANT_A, "cust-3", "facetec", "PENDING", null, null, null, at(40));
        f.add(a3, TENANT_A, "cust-3", "facetec", "ACCEPTED", "UNKNOWN", null, at(180), at(50));
        f.add(a3, TENANT_A, "cust-3", "legacy", "FAILED", "FAILED", null, null, at(14 * 60));
        for (int level = 6; level <= 8; level++) {
            f.add(a1, TENANT_A, "cust-1", "facetec", "ACCEPTED", "ACCEPTED", level, null, at(60));
        }
        f.add(a2, TENANT_A, TRICKY_REFERENCE, "facetec", "EXPIRED", "EXPIRED", null, null, at(15 * 60));
        f.add(b1, TENANT_B, "cust-1", "facetec", "ACCEPTED", "ACCEPTED", 7, null, at(5));
        f.add(b1, TENANT_B, "cust-1", "facetec", "INCONCLUSIVE", "INCONCLUSIVE", 3, at(120), at(25));
        f.add(b1, TENANT_B, "cust-1", "legacy", "REJECTED", "REJECTED", 0, null, at(16 * 60));
        return f;
    }

    /** One process of tenant A through the whole flow, for a timeline of real events. */
    private String processThroughTheRealFlow() {
        Portal portal = new Portal(portalA);
        String dossierId = portal.newDossier();
        String processId = portal.newProcess(dossierId);
        portal.uploadSelfie(dossierId, processId, Portal.png(0x61));
        assertThat(portal.verify(dossierId, processId, "accepted").status()).isEqualTo(202);
        portal.awaitFinal(dossierId, processId);
        // the archive is the last step of the trail; the timeline test compares the whole trail
        TestDatabase.awaitArchive(processId);
        return processId;
    }

    /** The fixture's window, for the bounds a filter does not set itself (the real flow's process is today). */
    private static String windowAround(String filter) {
        return (filter.contains("createdFrom") ? "" : "&createdFrom=2001-02-03")
                + (filter.contains("createdTo") ? "" : "&createdTo=2001-02-05");
    }

    private static Instant at(int minutes) {
        return BASE.plusSeconds(minutes * 60L);
    }

    /** The fixture's ids matching, in keyset order. */
    private static List<String> expected(Predicate<Row> filter, boolean newestFirst) {
        Comparator<Row> order = Comparator.comparing(Row::createdAt).thenComparing(Row::id);
        return fixture.rows().stream().filter(filter).sorted(newestFirst ? order.reversed() : order).map(Row::id).toList();
    }

    private static JsonObject pageOf(Api api, String query) {
        Answer answer = api.get("api/v1/audit/processes?" + query);
        assertThat(answer.status()).as(query + " -> " + answer).isEqualTo(200);
        return answer.json();
    }

    private static List<String> ids(JsonObject page) {
        return page.getJsonArray("items").stream().map(i -> i.asJsonObject().getString("processId")).toList();
    }

    private static List<String> fields(Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonObject problem = answer.json();
        assertThat(problem.getString("type")).isEqualTo(PROBLEM + "validation");
        return problem.getJsonArray("errors").stream().map(e -> e.asJsonObject().getString("field")).toList();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** RFC 4180, as a spreadsheet reads it: quoted cells may hold commas, quotes and line breaks. */
    private static List<List<String>> parseCsv(String text) {
        List<List<String>> lines = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n') {
                cells.add(cell.toString());
                cell.setLength(0);
                lines.add(cells);
                cells = new ArrayList<>();
            } else if (c != '\r') {
                cell.append(c);
            }
        }
        assertThat(Objects.requireNonNull(cells)).as("the export ends with a line break").isEmpty();
        return lines;
    }
}
