package org.cloudmarket.shared.testing;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The container's transaction registry, one transaction at a time, as the code under test sees
 * it: its resources, its interposed synchronizations, and its end. {@link #end()} leaves no
 * transaction at all.
 */
public final class FakeTransactions implements TransactionSynchronizationRegistry {

    private final Map<Object, Object> resources = new HashMap<>();
    private final List<Synchronization> synchronizations = new ArrayList<>();
    private int key = 1;
    private boolean active = true;

    /** Ends the current transaction with {@code status} (Status.STATUS_COMMITTED...) and begins the next one. */
    public void complete(int status) {
        List<Synchronization> ending = List.copyOf(synchronizations);
        ending.forEach(Synchronization::beforeCompletion);
        ending.forEach(synchronization -> synchronization.afterCompletion(status));
        synchronizations.clear();
        resources.clear();
        key++;
    }

    public void commit() {
        complete(Status.STATUS_COMMITTED);
    }

    /** No transaction from now on. */
    public void end() {
        active = false;
    }

    public List<Synchronization> synchronizations() {
        return List.copyOf(synchronizations);
    }

    @Override
    public Object getTransactionKey() {
        return active ? key : null;
    }

    @Override
    public void putResource(Object name, Object value) {
        resources.put(name, value);
    }

    @Override
    public Object getResource(Object name) {
        return resources.get(name);
    }

    @Override
    public void registerInterposedSynchronization(Synchronization synchronization) {
        synchronizations.add(synchronization);
    }

    @Override
    public int getTransactionStatus() {
        return active ? Status.STATUS_ACTIVE : Status.STATUS_NO_TRANSACTION;
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
