package org.cloudmarket.shared.cache;

import java.util.concurrent.atomic.AtomicBoolean;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;
import org.eclipse.persistence.sessions.changesets.UnitOfWorkChangeSet;

/**
 * Tells the transaction's persistence context that it wrote something (an insert, update or
 * delete at flush, or a bulk JPQL statement), so that the generation of its tenant is bumped
 * once the transaction has committed (see {@code TenantEntityManagers}): one place that sees
 * every writer, whatever service it is. Registered in persistence.xml.
 */
public class WriteTracker extends SessionEventAdapter {

    /** The transaction resource holding the flag, put there when the persistence context opens. */
    public static final String WROTE = WriteTracker.class.getName() + ".wrote";

    /** The transaction resource saying that a platform-wide drop is due at its commit. */
    private static final String BUMPS_PLATFORM = WriteTracker.class.getName() + ".bumpsPlatform";

    private volatile TransactionSynchronizationRegistry transactions;

    public WriteTracker() {
    }

    WriteTracker(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    @Override
    public void postCalculateUnitOfWorkChangeSet(SessionEvent event) {
        Object changes = event.getProperty("UnitOfWorkChangeSet");
        if (!(changes instanceof UnitOfWorkChangeSet set) || set.hasChanges()) {
            wrote();
        }
    }

    @Override
    public void postExecuteQuery(SessionEvent event) {
        if (event.getQuery() != null && event.getQuery().isModifyQuery()) {
            wrote();
        }
    }

    void wrote() {
        TransactionSynchronizationRegistry registry = registry();
        boolean inTransaction = registry.getTransactionKey() != null;
        Object flag = inTransaction ? registry.getResource(WROTE) : null;
        if (flag instanceof AtomicBoolean wrote) {
            wrote.set(true);
        } else if (!inTransaction) {
            Generations.bumpPlatform(); // no transaction to wait for: the write is already in the database
        } else if (registry.getResource(BUMPS_PLATFORM) == null) {
            // a write outside the tenant-bound contexts: every tenant's caches go, once it committed
            // (before, a reader would cache the old rows again under the new generation)
            registry.putResource(BUMPS_PLATFORM, Boolean.TRUE);
            registry.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        Generations.bumpPlatform();
                    }
                }
            });
        }
    }

    private TransactionSynchronizationRegistry registry() {
        if (transactions == null) {
            try {
                transactions = (TransactionSynchronizationRegistry) new InitialContext()
                        .lookup("java:comp/TransactionSynchronizationRegistry");
            } catch (NamingException e) {
                throw new IllegalStateException("No transaction synchronization registry", e);
            }
        }
        return transactions;
    }
}
