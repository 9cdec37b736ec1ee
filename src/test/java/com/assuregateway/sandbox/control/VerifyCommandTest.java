package com.assuregateway.sandbox.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.assuregateway.sandbox.entity.Depiction;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VerifyCommandTest {

    static JsonObjectBuilder enrollment(String userAgent) {
        return Json.createObjectBuilder()
                .add("faceScan", "BAGZzkV3wyl4CP")
                .add("auditTrailImage", "/9j/4AAQSkZJRg")
                .add("lowQualityAuditTrailImage", "/9j/4AAQSkZJRg")
                .add("userAgent", userAgent);
    }

    static JsonObject request(JsonObjectBuilder enrollment, String depiction) {
        return Json.createObjectBuilder().add("facetecEnrollment", enrollment).add("imageDepiction", depiction).build();
    }

    @Test
    void keepsDepictionAndOutcome() {
        VerifyCommand command = VerifyCommand.parse(request(enrollment("app|sandbox:inconclusive"), "front"));

        assertThat(command.imageDepiction()).isEqualTo(Depiction.FRONT);
        assertThat(command.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"faceScan", "auditTrailImage", "lowQualityAuditTrailImage", "userAgent"})
    void everyEnrollmentFieldIsRequiredAndNotBlank(String field) {
        assertThatThrownBy(() -> VerifyCommand.parse(request(enrollment("ua").remove(field), "selfie")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("facetecEnrollment." + field + " is required");
        assertThatThrownBy(() -> VerifyCommand.parse(request(enrollment("ua").add(field, "  "), "selfie")))
                .hasMessage("facetecEnrollment." + field + " is required");
    }

    @Test
    void enrollmentAndDepictionAreRequired() {
        assertThatThrownBy(() -> VerifyCommand.parse(Json.createObjectBuilder().add("imageDepiction", "selfie").build()))
                .hasMessage("facetecEnrollment is required");
        assertThatThrownBy(() -> VerifyCommand.parse(Json.createObjectBuilder().add("facetecEnrollment", enrollment("ua")).build()))
                .hasMessage("imageDepiction is required");
        assertThatThrownBy(() -> VerifyCommand.parse(request(enrollment("ua"), "back")))
                .hasMessage("imageDepiction must be selfie or front");
    }

    @Test
    void anUnknownMarkerIsABadRequest() {
        assertThatThrownBy(() -> VerifyCommand.parse(request(enrollment("sandbox:bogus"), "selfie")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sandbox:bogus");
    }
}
