package org.cloudmarket.shared.cache;

import java.util.concurrent.atomic.AtomicBoolean;
import javax.naming.InitialContext;
import javax.naming.NamingException;
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

    private volatile TransactionSynchronizationRegistry transactions;

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

    private void wrote() {
        Object flag = registry().getTransactionKey() == null ? null : registry().getResource(WROTE);
        if (flag instanceof AtomicBoolean wrote) {
            wrote.set(true);
        } else {
            // a write outside the tenant-bound contexts: drop every tenant's caches to be safe
            Generations.bumpPlatform();
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
