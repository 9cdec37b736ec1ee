package com.assuregateway.dossiers.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.assuregateway.dossiers.control.CreationClaim.Kind;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Who may call Assure to create a dossier: never two at once, never again blindly after a lost answer. */
class CreationClaimTest {

    @Test
    void aLinkedDossierIsNeverCreatedAgain() {
        assertThat(CreationClaim.decide(true, null, false)).isEqualTo(Kind.LINKED);
        assertThat(CreationClaim.decide(true, Instant.now(), true)).isEqualTo(Kind.LINKED);
    }

    @Test
    void theFirstRequestWithoutIntentCreates() {
        assertThat(CreationClaim.decide(false, null, false)).isEqualTo(Kind.CREATE);
    }

    @Test
    void aSecondRequestWhileTheFirstMayStillBeWaitingForAssureWaits() {
        assertThat(CreationClaim.decide(false, Instant.now(), false)).isEqualTo(Kind.IN_FLIGHT);
    }

    @Test
    void anIntentOlderThanTheGraceIsTakenOverByLookingForWhatItMadeFirst() {
        assertThat(CreationClaim.decide(false, Instant.now().minusSeconds(600), true)).isEqualTo(Kind.RECOVER);
    }
}
