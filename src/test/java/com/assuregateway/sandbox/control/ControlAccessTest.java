package com.assuregateway.sandbox.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.assuregateway.problems.entity.GatewayProblem;
import com.assuregateway.problems.entity.ProblemType;
import jakarta.json.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ControlAccessTest {

    @Test
    void withoutAConfiguredSecretEveryCallIsRefusedAsAConfigurationProblem() {
        for (Optional<String> unset : java.util.List.of(Optional.<String>empty(), Optional.of(" "))) {
            assertThatThrownBy(() -> ControlAccess.check(unset, ""))
                    .isInstanceOfSatisfying(GatewayProblem.class,
                            p -> assertThat(p.type()).isEqualTo(ProblemType.CONFIGURATION));
            assertThatThrownBy(() -> ControlAccess.check(unset, null)).isInstanceOf(GatewayProblem.class);
        }
    }

    @Test
    void aMissingOrWrongSecretIsForbidden() {
        Optional<String> secret = Optional.of("s3cret");
        for (String given : new String[] {null, "", "s3cre", "s3cret ", "S3CRET", "s3cret\u0000"}) {
            assertThatThrownBy(() -> ControlAccess.check(secret, given)).as(String.valueOf(given))
                    .isInstanceOfSatisfying(GatewayProblem.class,
                            p -> assertThat(p.type()).isEqualTo(ProblemType.FORBIDDEN));
        }
        assertThatCode(() -> ControlAccess.check(secret, "s3cret")).doesNotThrowAnyException();
    }

    @Test
    void aBodyOverSixteenKilobytesIsRefusedWhetherDeclaredOrNot() throws IOException {
        assertThatThrownBy(() -> ControlAccess.checkDeclaredLength(ControlAccess.MAX_BODY_BYTES + 1))
                .isInstanceOfSatisfying(GatewayProblem.class,
                        p -> assertThat(p.type()).isEqualTo(ProblemType.PAYLOAD_TOO_LARGE));
        assertThatCode(() -> ControlAccess.checkDeclaredLength(-1)).doesNotThrowAnyException();
        byte[] big = new byte[ControlAccess.MAX_BODY_BYTES + 1];
        assertThatThrownBy(() -> ControlAccess.read(new ByteArrayInputStream(big)))
                .isInstanceOfSatisfying(GatewayProblem.class,
                        p -> assertThat(p.type()).isEqualTo(ProblemType.PAYLOAD_TOO_LARGE));
        assertThat(ControlAccess.read(new ByteArrayInputStream(new byte[ControlAccess.MAX_BODY_BYTES])))
                .hasSize(ControlAccess.MAX_BODY_BYTES);
    }

    @Test
    void aPlannedDelayIsBoundedToAMinute() {
        SandboxFaults faults = new SandboxFaults();
        for (long delay : new long[] {-1, 60_001, Long.MAX_VALUE}) {
            assertThatThrownBy(() -> faults.plan(Json.createObjectBuilder().add("fault", "slow")
                    .add("delayMs", delay).build())).as("" + delay).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("delayMs");
        }
        assertThatThrownBy(() -> faults.plan(Json.createObjectBuilder().add("fault", "slow")
                .add("delayMs", new java.math.BigDecimal("1e30")).build())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> faults.plan(Json.createObjectBuilder().add("fault", "slow")
                .add("delayMs", "60000").build())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> faults.plan(Json.createObjectBuilder().add("fault", "nope").build()))
                .isInstanceOf(IllegalArgumentException.class);
        faults.plan(Json.createObjectBuilder().add("fault", "slow").add("operation", "getProcess")
                .add("delayMs", 60_000).build());
        assertThat(faults.take("GET", "/dossiers/d/processes/p")).hasValueSatisfying(
                plan -> assertThat(plan.delayMs()).isEqualTo(60_000));
    }
}
