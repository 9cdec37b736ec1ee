package com.assuregateway.problems.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import org.junit.jupiter.api.Test;

class CausesTest {

    @Test
    void aDatabaseOutOfReachIsFoundUnderTheWrappers() {
        // pgjdbc: connection refused (08001), admin shutdown of a restart (57P01)
        assertThat(Causes.databaseUnreachable(new PersistenceException(new SQLException("refused", "08001")))).isTrue();
        assertThat(Causes.databaseUnreachable(new RuntimeException(new SQLException("terminating", "57P01")))).isTrue();
        // H2's broken connection, and JDBC's own connection exception without a state
        assertThat(Causes.databaseUnreachable(new SQLException("broken", "90067"))).isTrue();
        assertThat(Causes.databaseUnreachable(new SQLNonTransientConnectionException("gone"))).isTrue();
        // a commit cut off by a PostgreSQL restart, as Payara's transaction manager reports it (fleet bench)
        Exception commit = new jakarta.transaction.SystemException();
        commit.initCause(new javax.transaction.xa.XAException(javax.transaction.xa.XAException.XAER_RMFAIL));
        assertThat(Causes.databaseUnreachable(new RuntimeException(commit))).isTrue();
    }

    @Test
    void otherDatabaseFailuresAreNot() {
        assertThat(Causes.databaseUnreachable(new PersistenceException(new SQLException("duplicate", "23505")))).isFalse();
        assertThat(Causes.databaseUnreachable(new SQLException("no state"))).isFalse();
        assertThat(Causes.databaseUnreachable(new IllegalStateException("not the database"))).isFalse();
    }
}
