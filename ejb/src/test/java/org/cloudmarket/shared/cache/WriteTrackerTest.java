package org.cloudmarket.shared.cache;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A write outside the tenant-bound persistence contexts drops every tenant's caches once it committed, never before. */
class WriteTrackerTest {

    private static final long TENANT = 920_001;

    private final Transaction transaction = new Transaction();
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
        assertThat(transaction.synchronizations).isEmpty();
        assertThat(Generations.of(TENANT)).isEqualTo(before);
    }

    @Test
    void withoutATransactionTheWriteIsInAlreadyAndBumpsAtOnce() {
        transaction.key = null;
        Generations.Generation before = Generations.of(TENANT);
        tracker.wrote();
        assertThat(Generations.of(TENANT).platform()).isEqualTo(before.platform() + 1);
    }

    /** One transaction, as the container's registry shows it to the tracker. */
    private static final class Transaction implements TransactionSynchronizationRegistry {
        Object key = new Object();
        final Map<Object, Object> resources = new HashMap<>();
        final List<Synchronization> synchronizations = new ArrayList<>();

        void complete(int status) {
            synchronizations.forEach(Synchronization::beforeCompletion);
            synchronizations.forEach(synchronization -> synchronization.afterCompletion(status));
        }

        @Override
        public Object getTransactionKey() {
            return key;
        }

        @Override
        public void putResource(Object resourceKey, Object value) {
            resources.put(resourceKey, value);
        }

        @Override
        public Object getResource(Object resourceKey) {
            return resources.get(resourceKey);
        }

        @Override
        public void registerInterposedSynchronization(Synchronization synchronization) {
            synchronizations.add(synchronization);
        }

        @Override
        public int getTransactionStatus() {
            return key == null ? Status.STATUS_NO_TRANSACTION : Status.STATUS_ACTIVE;
        }

        @Override
        public void setRollbackOnly() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean getRollbackOnly() {
            return false;
        }
    }
}
