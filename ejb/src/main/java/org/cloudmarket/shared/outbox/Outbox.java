package org.cloudmarket.shared.outbox;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.cloudmarket.shared.tenant.TenantContext;

/**
 * The platform's one after-commit, retried delivery: {@link #enqueue} writes a row in the caller's
 * transaction, so it exists exactly when the decision it reports does; once that transaction has
 * committed, the new rows go to the worker for an immediate attempt, and the timer retries what
 * failed, with backoff, until it is delivered. A rolled-back transaction sends nothing.
 * <p>
 * A plain CDI bean, as Notifications: only services inject it, after checking their caller.
 */
@Dependent
public class Outbox {

    private static final String PENDING = Outbox.class.getName() + ".pending";

    @Inject
    private EntityManager entityManager;

    @Inject
    private TenantContext tenantContext;

    @Inject
    private Clock clock;

    @Inject
    private OutboxWorker worker;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    Outbox() {
    }

    Outbox(EntityManager entityManager, TenantContext tenantContext, Clock clock, OutboxWorker worker,
           TransactionSynchronizationRegistry transactions) {
        this.entityManager = entityManager;
        this.tenantContext = tenantContext;
        this.clock = clock;
        this.worker = worker;
        this.transactions = transactions;
    }

    /** Writes the row; it is delivered after the current transaction commits, never before. */
    public void enqueue(OutboxChannel channel, String recipient, String payload) {
        long tenantId = tenantContext.requireTenantId();
        OutboxMessage message = new OutboxMessage(channel, recipient, payload, clock.instant());
        entityManager.persist(message);
        pendingOfThisTransaction(tenantId).add(message);
    }

    /**
     * Erases the current tenant's undelivered rows of the channel to these recipients, in the
     * caller's transaction (account closing: nothing more goes to an erased address). Rows this
     * transaction writes afterwards stay. A row a worker is delivering at this very moment may
     * still go out; its marking as delivered then finds nothing.
     */
    public void eraseUndelivered(OutboxChannel channel, Collection<String> recipients) {
        if (recipients.isEmpty()) {
            return;
        }
        entityManager.createQuery("""
                        DELETE FROM OutboxMessage m WHERE m.tenantId = :tenant AND m.channel = :channel
                           AND m.deliveredAt IS NULL AND m.recipient IN :recipients""")
                .setParameter("tenant", tenantContext.requireTenantId()).setParameter("channel", channel)
                .setParameter("recipients", recipients).executeUpdate();
    }

    /** The rows this transaction wrote; the first one registers the hand-over after the commit. */
    @SuppressWarnings("unchecked")
    private List<OutboxMessage> pendingOfThisTransaction(long tenantId) {
        List<OutboxMessage> pending = (List<OutboxMessage>) transactions.getResource(PENDING);
        if (pending == null) {
            List<OutboxMessage> written = new ArrayList<>();
            transactions.putResource(PENDING, written);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // the rows are flushed with everything else the transaction wrote
                }

                @Override
                public void afterCompletion(int status) {
                    // ids exist once the insert ran; after the commit, the rows are visible to the worker's connection
                    if (status == Status.STATUS_COMMITTED) {
                        worker.attemptSoon(tenantId, written.stream().map(OutboxMessage::getId).toList());
                    }
                }
            });
            pending = written;
        }
        return pending;
    }
}
