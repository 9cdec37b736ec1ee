package com.assuregateway.console.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The console's small pure helpers: form handling, the charts' boxes, the open paths, role claims. */
class ConsolePiecesTest {

    @Test
    void formsMayEndAtTheIdentityProviderOnlyWhenThereIsOne() {
        assertThat(ConsoleGate.policy(Optional.empty())).contains("form-action 'self';")
                .startsWith("default-src 'none';").endsWith("base-uri 'none'");
        assertThat(ConsoleGate.policy(Optional.of("https://login.example.com:8443/realms/company")))
                .contains("form-action 'self' https://login.example.com:8443;");
    }

    @Test
    void emptyFormFieldsAreNoCriteria() {
        Map<String, List<String>> filled = AuditController.filled(Map.of("status", List.of("inconclusive"),
                "tenant", List.of(""), "decision", List.of(" ")));
        assertThat(filled).containsOnlyKeys("status");
        assertThat(AuditController.encode(Map.of("externalReference", List.of("a b&c")))).isEqualTo(
                "externalReference=a+b%26c");
    }

    @Test
    void barsScaleToTheLargestValue() {
        BarChart chart = BarChart.of("t", List.of(new BarChart.Entry("a", 10), new BarChart.Entry("b", 5),
                new BarChart.Entry("c", 0)));
        assertThat(chart.bars()).hasSize(3);
        assertThat(chart.bars().get(0).barHeight()).isEqualTo(2 * chart.bars().get(1).barHeight());
        assertThat(chart.bars().get(2).barHeight()).isZero();
        assertThat(chart.bars().get(0).y() + chart.bars().get(0).barHeight()).isEqualTo(chart.baseline());
    }

    @Test
    void onlyTheSignInPagesAndStaticFilesAreOpen() {
        assertThat(ConsoleGate.open("/console/login")).isTrue();
        assertThat(ConsoleGate.open("/console/oidc/callback")).isTrue();
        assertThat(ConsoleGate.open("/console/static/console.css")).isTrue();
        assertThat(ConsoleGate.open("/console/")).isFalse();
        assertThat(ConsoleGate.open("/console/audit")).isFalse();
        assertThat(ConsoleGate.open("/console/evidence/d/p/selfie.png")).isFalse();
    }

    @Test
    void rolesComeAsAnArrayOrOneString() {
        assertThat(OidcController.roles(Json.createArrayBuilder().add("auditor").add(1).build()))
                .containsExactly("auditor");
        assertThat(OidcController.roles(Json.createValue("reviewer, auditor"))).containsOnly("reviewer", "auditor");
        assertThat(OidcController.roles(null)).isEmpty();
    }

    @Test
    void ageInWords() {
        assertThat(ReviewsController.QueueRow.age(Duration.ofMinutes(5))).isEqualTo("5 min");
        assertThat(ReviewsController.QueueRow.age(Duration.ofMinutes(125))).isEqualTo("2 h 5 min");
        assertThat(ReviewsController.QueueRow.age(Duration.ofHours(50))).isEqualTo("2 d 2 h");
    }
}
