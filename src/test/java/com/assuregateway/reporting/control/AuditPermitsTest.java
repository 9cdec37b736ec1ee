package com.assuregateway.reporting.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.assuregateway.reporting.control.AuditPermits.Permit;
import com.assuregateway.problems.entity.GatewayProblem;
import com.assuregateway.problems.entity.ProblemType;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;

/** The limit on heavy audit reads, and what counts as a statement that ran out of time. */
class AuditPermitsTest {

    @Test
    void pastTheLimitACallerIsRefusedAtOnceWithRetryAfter() {
        Semaphore two = new Semaphore(2);
        Permit first = AuditPermits.take(two, "exports");
        Permit second = AuditPermits.take(two, "exports");

        assertThatThrownBy(() -> AuditPermits.take(two, "exports"))
                .isInstanceOfSatisfying(GatewayProblem.class, problem -> {
                    assertThat(problem.type()).isEqualTo(ProblemType.TOO_MANY_REQUESTS);
                    assertThat(problem.type().status()).isEqualTo(429);
                    assertThat(problem.retryAfterSeconds()).isPositive();
                });
        first.close();
        AuditPermits.take(two, "exports");
        second.close();
        assertThat(two.availablePermits()).isEqualTo(1);
    }

    @Test
    void aPermitClosedTwiceIsGivenBackOnce() {
        // the export's finally and the request's end may both close it: the limit must not grow
        Semaphore one = new Semaphore(1);
        Permit permit = AuditPermits.take(one, "exports");
        permit.close();
        permit.close();
        assertThat(one.availablePermits()).isEqualTo(1);
    }

    @Test
    void aLimitOfZeroMeansOneNotNever() {
        assertThat(AuditPermits.atLeastOne(0)).isEqualTo(1);
        assertThat(AuditPermits.atLeastOne(-5)).isEqualTo(1);
        assertThat(AuditPermits.atLeastOne(3)).isEqualTo(3);
    }

    @Test
    void aCanceledStatementIsATimeoutOnBothDatabases() {
        assertThat(AuditQueries.timedOut(new SQLTimeoutException("h2", "57014"))).isTrue();
        assertThat(AuditQueries.timedOut(new SQLException("canceling statement due to statement timeout", "57014")))
                .isTrue();
        assertThat(AuditQueries.timedOut(new SQLException("connection refused", "08001"))).isFalse();
    }
}
