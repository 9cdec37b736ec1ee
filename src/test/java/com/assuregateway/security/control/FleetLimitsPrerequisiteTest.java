package com.assuregateway.security.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.assuregateway.security.entity.PostureViolation;
import org.junit.jupiter.api.Test;

class FleetLimitsPrerequisiteTest {

    private static final String H2 = "jdbc:h2:file:./data/gateway";
    private static final String POSTGRES = "jdbc:postgresql://db:5432/gateway";

    @Test
    void aSingleInstanceWithoutFleetLimitsNeedsNothing() {
        assertThat(FleetLimitsPrerequisite.check(H2, 0, false)).isEmpty();
        assertThat(FleetLimitsPrerequisite.check(null, 0, false)).isEmpty();
    }

    @Test
    void fleetLimitsOnPostgresqlAreFine() {
        assertThat(FleetLimitsPrerequisite.check(POSTGRES, 6, true)).isEmpty();
    }

    @Test
    void fleetLimitsElsewhereAreRefusedNamingEachSetting() {
        assertThat(FleetLimitsPrerequisite.check(H2, 6, true)).extracting(PostureViolation::key)
                .containsExactly("gateway.assure.fleet-max-concurrent-calls", "gateway.assure.fleet-shared-token");
        assertThat(FleetLimitsPrerequisite.check(null, 0, true)).extracting(PostureViolation::key)
                .containsExactly("gateway.assure.fleet-shared-token");
    }
}
