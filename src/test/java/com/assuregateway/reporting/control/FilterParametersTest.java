package com.assuregateway.reporting.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.assuregateway.dossiers.entity.DecisionOutcome;
import com.assuregateway.dossiers.entity.ProcessStatus;
import com.assuregateway.problems.entity.FieldError;
import com.assuregateway.problems.entity.GatewayProblem;
import com.assuregateway.problems.entity.ProblemType;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The audit's query parameters: what a valid filter reads as, and every way one is refused (all at once). */
class FilterParametersTest {

    private static Map<String, List<String>> query(String... nameValue) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            query.computeIfAbsent(nameValue[i], k -> new java.util.ArrayList<>()).add(nameValue[i + 1]);
        }
        return query;
    }

    private static ProcessFilter valid(String... nameValue) {
        FilterParameters parameters = FilterParameters.of(query(nameValue), FilterParameters.FILTER);
        ProcessFilter filter = parameters.filter();
        parameters.refuseIfInvalid();
        return filter;
    }

    /** The field errors of a refused filter. */
    private static List<FieldError> refused(Set<String> allowed, String... nameValue) {
        FilterParameters parameters = FilterParameters.of(query(nameValue), allowed);
        parameters.filter();
        try {
            parameters.refuseIfInvalid();
        } catch (GatewayProblem problem) {
            assertThat(problem.type()).isEqualTo(ProblemType.VALIDATION);
            return problem.fieldErrors();
        }
        throw new AssertionError("accepted: " + List.of(nameValue));
    }

    private static List<FieldError> refused(String... nameValue) {
        return refused(FilterParameters.FILTER, nameValue);
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    void noParametersIsEverythingNewestFirst() {
        assertThat(valid()).isEqualTo(ProcessFilter.everything());
    }

    @Test
    void everyCriterionIsRead() {
        ProcessFilter filter = valid("tenant", "acme", "status", "accepted,rejected", "status", "processing",
                "decision", "inconclusive,none", "provider", "facetec", "createdFrom", "2026-07-01",
                "createdTo", "2026-07-02T12:00:00+02:00", "updatedFrom", "2026-06-01T00:00:00Z",
                "externalReference", "crm-1", "dossierId", "d-1", "matchLevelMin", "3", "matchLevelMax", "6",
                "reviewed", "false", "order", "asc");
        assertThat(filter.tenant()).isEqualTo("acme");
        assertThat(filter.statuses()).containsExactlyInAnyOrder(ProcessStatus.ACCEPTED, ProcessStatus.REJECTED,
                ProcessStatus.PROCESSING);
        assertThat(filter.decisions()).containsExactly(DecisionOutcome.INCONCLUSIVE);
        assertThat(filter.undecided()).isTrue();
        assertThat(filter.provider()).isEqualTo("facetec");
        assertThat(filter.createdFrom()).isEqualTo(Instant.parse("2026-07-01T00:00:00Z"));
        assertThat(filter.createdTo()).isEqualTo(Instant.parse("2026-07-02T10:00:00Z"));
        assertThat(filter.updatedFrom()).isEqualTo(Instant.parse("2026-06-01T00:00:00Z"));
        assertThat(filter.updatedTo()).isNull();
        assertThat(filter.externalReference()).isEqualTo("crm-1");
        assertThat(filter.dossierId()).isEqualTo("d-1");
        assertThat(filter.matchLevelMin()).isEqualTo(3);
        assertThat(filter.matchLevelMax()).isEqualTo(6);
        assertThat(filter.reviewed()).isFalse();
        assertThat(filter.newestFirst()).isFalse();
    }

    @Test
    void valuesAreTrimmedAndCaseInsensitive() {
        ProcessFilter filter = valid("status", " Accepted , ", "decision", "NONE", "tenant", " acme ");
        assertThat(filter.statuses()).containsExactly(ProcessStatus.ACCEPTED);
        assertThat(filter.decisions()).isEmpty();
        assertThat(filter.undecided()).isTrue();
        assertThat(filter.tenant()).isEqualTo("acme");
    }

    @Test
    void anUnknownParameterIsRefusedNotIgnored() {
        List<FieldError> errors = refused("staus", "accepted");
        assertThat(fields(errors)).containsExactly("staus");
        assertThat(errors.get(0).message()).contains("known:").contains("status");
    }

    @Test
    void everyOffendingParameterIsReportedAtOnce() {
        List<FieldError> errors = refused("status", "done", "decision", "maybe", "matchLevelMin", "9",
                "matchLevelMax", "x", "reviewed", "yes", "order", "up", "createdFrom", "yesterday", "nope", "1");
        assertThat(fields(errors)).containsExactlyInAnyOrder("nope", "status", "decision", "matchLevelMin",
                "matchLevelMax", "reviewed", "order", "createdFrom");
    }

    @Test
    void anUnknownValueNamesTheKnownOnes() {
        FieldError status = refused("status", "done").get(0);
        assertThat(status.message()).startsWith("'done' is not one of pending, processing, accepted");
        FieldError decision = refused("decision", "maybe").get(0);
        assertThat(decision.message()).endsWith(", none");
    }

    @Test
    void rangesMustBeOrderedAndHalfOpen() {
        assertThat(fields(refused("createdFrom", "2026-07-02", "createdTo", "2026-07-01"))).containsExactly("createdFrom");
        assertThat(fields(refused("updatedFrom", "2026-07-01", "updatedTo", "2026-07-01"))).containsExactly("updatedFrom");
        assertThat(fields(refused("matchLevelMin", "6", "matchLevelMax", "5"))).containsExactly("matchLevelMin");
        assertThat(valid("matchLevelMin", "5", "matchLevelMax", "5").matchLevelMin()).isEqualTo(5);
    }

    @Test
    void instantsOutsideTheStorableYearsAreRefused() {
        assertThat(refused("createdFrom", "+10000-01-01T00:00:00Z").get(0).message()).contains("1 and 9999");
    }

    @Test
    void aParameterGivenTwiceOrEmptyIsRefused() {
        assertThat(refused("tenant", "a", "tenant", "b").get(0).message()).isEqualTo("is given more than once");
        assertThat(refused("provider", " ").get(0).message()).isEqualTo("is empty");
    }

    @Test
    void textsAreBoundedByTheirColumns() {
        assertThat(fields(refused("tenant", "t".repeat(65)))).containsExactly("tenant");
        assertThat(valid("tenant", "t".repeat(64)).tenant()).hasSize(64);
        assertThat(fields(refused("externalReference", "r".repeat(201)))).containsExactly("externalReference");
        assertThat(fields(refused("dossierId", "d".repeat(37)))).containsExactly("dossierId");
        assertThat(fields(refused("provider", "p".repeat(33)))).containsExactly("provider");
    }

    @Test
    void thePageSizeIsOneToFiveHundredWithTheDefaultWhenAbsent() {
        Set<String> allowed = new HashSet<>(FilterParameters.FILTER);
        allowed.add("limit");
        assertThat(FilterParameters.of(query(), allowed).limit(50)).isEqualTo(50);
        assertThat(FilterParameters.of(query("limit", "500"), allowed).limit(50)).isEqualTo(500);
        FilterParameters tooMany = FilterParameters.of(query("limit", "501"), allowed);
        assertThat(tooMany.limit(50)).isEqualTo(50);
        assertThatThrownBy(tooMany::refuseIfInvalid).isInstanceOf(GatewayProblem.class)
                .hasMessage("limit must be between 1 and 500");
        FilterParameters zero = FilterParameters.of(query("limit", "0"), allowed);
        assertThat(zero.limit(50)).isEqualTo(50);
        assertThatThrownBy(zero::refuseIfInvalid).isInstanceOf(GatewayProblem.class);
    }

    @Test
    void aCursorMustBeOneThisApiHandedOut() {
        Set<String> allowed = Set.of("cursor");
        FilterParameters forged = FilterParameters.of(query("cursor", "not-a-cursor"), allowed);
        assertThat(forged.cursor()).isNull();
        assertThatThrownBy(forged::refuseIfInvalid).isInstanceOf(GatewayProblem.class)
                .hasMessageContaining("cursor is not a cursor this API handed out");
        Cursor handedOut = new Cursor(Instant.parse("2026-07-01T00:00:00Z"), "p-1", "abc");
        assertThat(FilterParameters.of(query("cursor", handedOut.encode()), allowed).cursor()).isEqualTo(handedOut);
    }
}
