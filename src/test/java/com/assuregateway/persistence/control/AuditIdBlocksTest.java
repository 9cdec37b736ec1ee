package com.assuregateway.persistence.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.assuregateway.audit.entity.AuditEvent;
import jakarta.persistence.SequenceGenerator;
import org.junit.jupiter.api.Test;

/** Where the audit id sequence continues once its blocks are 200 ids (EclipseLink uses the 200 up to each value). */
class AuditIdBlocksTest {

    @Test
    void theEntityTakesBlocksOfTheSizeTheSequenceMovesBy() throws NoSuchFieldException {
        SequenceGenerator generator = AuditEvent.class.getDeclaredField("id").getAnnotation(SequenceGenerator.class);
        assertThat(generator.sequenceName()).isEqualTo("audit_event_seq");
        assertThat(generator.allocationSize()).isEqualTo(AuditIdBlocks.BLOCK);
    }

    @Test
    void aNewDatabaseStartsWhereEclipseLinkAcceptsAWholeBlock() {
        long next = AuditIdBlocks.nextValue(20);
        assertThat(next - AuditIdBlocks.BLOCK).as("EclipseLink refuses a first block below -1").isGreaterThanOrEqualTo(-1);
    }

    @Test
    void theFirstNewBlockLiesAboveEveryIdUsedWithMarginForDrawsMeanwhile() {
        long highest = 1_234_560;
        long next = AuditIdBlocks.nextValue(highest);
        long firstIdOfItsBlock = next - AuditIdBlocks.BLOCK + 1;
        // values an instance on blocks of 20 draws while the migration runs: each 200 above the last
        long drawnMeanwhile = highest + 5 * AuditIdBlocks.BLOCK;
        assertThat(firstIdOfItsBlock).isGreaterThan(drawnMeanwhile);
    }
}
