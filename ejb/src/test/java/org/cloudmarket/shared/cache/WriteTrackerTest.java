package org.cloudmarket.shared.cache;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.transaction.Status;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cloudmarket.shared.testing.FakeTransactions;
import org.junit.jupiter.api.Test;

/** A write outside the tenant-bound persistence contexts drops every tenant's caches once it committed, never before. */
class WriteTrackerTest {

    private static final long TENANT = 920_001;

    private final FakeTransactions transaction = new FakeTransactions();
    private final WriteTracker tracker = new WriteTracker(transaction);

    @Test
    void aPlatformWriteBumpsEveryTenantAfterItsTransactionCommittedOnce() {
        Generations.Generation before = Generations.of(TENANT);
        tracker.wrote();
        tracker.wrote();
        assertThat(Generations.of(TENANT)).as("still uncommitted: a reader would cache the old rows anew").isEqualTo(before);

        transaction.complete(Status.STATUS_COMMITTED);
        assertThat(Generations.of(TENANT).platform()).isEqualTo(before.platform() + 1);
    }

    @Test
    void aRolledBackPlatformWriteBumpsNothing() {
        Generations.Generation before = Generations.of(TENANT);
        tracker.wrote();
        transaction.complete(Status.STATUS_ROLLEDBACK);
        assertThat(Generations.of(TENANT)).isEqualTo(before);
    }

    @Test
    void aTenantWriteOnlyMarksItsTransaction() {
        AtomicBoolean wrote = new AtomicBoolean();
        transaction.putResource(WriteTracker.WROTE, wrote);
        Generations.Generation before = Generations.of(TENANT);
        tracker.wrote();
        assertThat(wrote).isTrue();
        assertThat(transaction.synchronizations()).isEmpty();
        assertThat(Generations.of(TENANT)).isEqualTo(before);
    }

    @Test
    void withoutATransactionTheWriteIsInAlreadyAndBumpsAtOnce() {
        transaction.end();
        Generations.Generation before = Generations.of(TENANT);
        tracker.wrote();
        assertThat(Generations.of(TENANT).platform()).isEqualTo(before.platform() + 1);
    }
}
