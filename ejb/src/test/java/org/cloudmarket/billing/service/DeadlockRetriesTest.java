package org.cloudmarket.billing.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** BillingKillIT saw two partitions' chunks deadlock after a restart: a deadlock is tried again, nothing else is. */
class DeadlockRetriesTest {

    @Test
    void aWriteADeadlockRolledBackIsTriedAgainUntilItGoesThrough() {
        AtomicInteger attempts = new AtomicInteger();

        String written = DeadlockRetries.call("chunk", () -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("The chunk's proceeds could not be written",
                        new SQLTransactionRollbackException("Deadlock found when trying to get lock; try restarting transaction", "40001"));
            }
            return "written";
        });

        assertThat(written).isEqualTo("written");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void anotherFailureOrADeadlockThatLastsIsTheCallersAtOnceOrAfterTheRetries() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> DeadlockRetries.run("chunk", () -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("bad data", new SQLException("Column 'amount' cannot be null", "23000"));
        })).hasMessage("bad data");
        assertThat(attempts).as("no retry of a failure that is not a deadlock").hasValue(1);

        attempts.set(0);
        assertThatThrownBy(() -> DeadlockRetries.run("chunk", () -> {
            attempts.incrementAndGet();
            throw new RuntimeException(new SQLException("Deadlock", "40001"));
        })).hasRootCauseMessage("Deadlock");
        assertThat(attempts).hasValue(DeadlockRetries.RETRIES + 1);
    }
}
