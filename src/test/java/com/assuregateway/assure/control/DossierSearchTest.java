package com.assuregateway.assure.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.assuregateway.assure.entity.DossierLookup;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A lost creation is found by its exact reference; its absence counts only where the list reaches back to it. */
class DossierSearchTest {

    private static final Instant ASKED = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void theDossierWithExactlyThisReferenceIsFoundNotOneThatMerelyContainsIt() {
        JsonArray list = Json.createArrayBuilder()
                .add(dossier("a", "gw-1-suffix", ASKED.plusSeconds(1)))
                .add(dossier("b", "gw-1", ASKED.plusSeconds(2)))
                .build();
        assertThat(DossierSearch.find(list, "gw-1", ASKED)).isEqualTo(new DossierLookup.Found("b"));
    }

    @Test
    void aShortListHoldsEveryDossierSoAbsenceIsProof() {
        JsonArray list = Json.createArrayBuilder().add(dossier("a", "other", ASKED.plusSeconds(5))).build();
        assertThat(DossierSearch.find(list, "gw-1", ASKED)).isEqualTo(new DossierLookup.Absent());
    }

    @Test
    void aFullListOfNewerDossiersProvesNothing() {
        JsonArray list = full(ASKED.plusSeconds(1));
        assertThat(DossierSearch.find(list, "gw-1", ASKED)).isEqualTo(new DossierLookup.Inconclusive(100));
    }

    @Test
    void aFullListReachingBackBeforeTheRequestAndTheClockSkewIsProof() {
        JsonArray list = full(ASKED.minus(DossierSearch.CLOCK_SKEW).minusSeconds(1));
        assertThat(DossierSearch.find(list, "gw-1", ASKED)).isEqualTo(new DossierLookup.Absent());
    }

    @Test
    void aFullListReachingBackOnlyWithinTheClockSkewProvesNothing() {
        JsonArray list = full(ASKED.minusSeconds(30));
        assertThat(DossierSearch.find(list, "gw-1", ASKED)).isInstanceOf(DossierLookup.Inconclusive.class);
    }

    @Test
    void aDossierWithoutReadableTimeLeavesTheAnswerOpen() {
        JsonArrayBuilder list = Json.createArrayBuilder();
        list.add(Json.createObjectBuilder().add("dossierId", "x").add("externalReference", "other")
                .add("createdAt", "yesterday"));
        assertThat(DossierSearch.find(list.build(), "gw-1", ASKED)).isInstanceOf(DossierLookup.Inconclusive.class);
    }

    /** 100 dossiers, the oldest created at oldest. */
    private static JsonArray full(Instant oldest) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (int i = 99; i >= 0; i--) {
            list.add(dossier("d" + i, "other-" + i, oldest.plusSeconds(i)));
        }
        return list.build();
    }

    private static jakarta.json.JsonObject dossier(String id, String reference, Instant createdAt) {
        return Json.createObjectBuilder().add("dossierId", id).add("externalReference", reference)
                .add("createdAt", createdAt.toString()).build();
    }
}
