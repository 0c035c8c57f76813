package org.cloudmarket.shared.outbox;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers outbox rows: right after the commit that wrote them ({@link #attemptSoon}, on the
 * managed executor) and, for whatever is due after that, every few seconds ({@link OutboxTimer}).
 * Both paths, on any number of nodes, go through {@link #attempt}: a row is delivered only by the
 * worker whose guarded UPDATE claimed it.
 */
@ApplicationScoped
class OutboxWorker {

    private static final Logger LOG = Logger.getLogger(OutboxWorker.class.getName());
    /** Longer than a delivery may take (MailDelivery's timeouts), so a claim never runs out mid-delivery. */
    static final Duration CLAIM = Duration.ofMinutes(2);
    private static final int BATCH = 100;

    @Inject
    private OutboxRows rows;

    /** One bean per channel: the MAIL channel's is messaging.mail.MailDelivery. */
    private Iterable<Delivery> deliveries;

    @Inject
    private Clock clock;

    @Resource
    private ManagedExecutorService executor;

    OutboxWorker() {
    }

    OutboxWorker(OutboxRows rows, Iterable<Delivery> deliveries, Clock clock) {
        this.rows = rows;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @Inject
    void deliveries(@Any Instance<Delivery> all) {
        this.deliveries = all;
    }

    /** After a commit: tries the new rows at once, off the committing thread. */
    void attemptSoon(long tenantId, List<Long> ids) {
        try {
            executor.execute(() -> ids.forEach(id -> attemptLogged(tenantId, id)));
        } catch (RejectedExecutionException e) {
            LOG.info(() -> "Outbox rows " + ids + " wait for the timer: " + e);
        }
    }

    /**
     * Every due row of every tenant, a batch per tenant at a time. A failure is one row's (or one
     * tenant's read), logged, and the round goes on with the others. Nothing is given up: a row
     * whose delivery keeps failing is tried again at the capped interval (Backoff.CAP) with a
     * warning each time; a row whose own statements failed once it was claimed waits for its claim
     * to run out (CLAIM) and is tried again.
     */
    void attemptDue() {
        for (long tenantId : rows.tenants()) {
            List<Long> due;
            try {
                due = rows.due(tenantId, clock.instant(), BATCH);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "The due outbox rows of tenant " + tenantId + " could not be read; the next round tries again", e);
                continue;
            }
            due.forEach(id -> attemptLogged(tenantId, id));
        }
    }

    private void attemptLogged(long tenantId, long id) {
        try {
            attempt(tenantId, id);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Outbox row " + id + " of tenant " + tenantId + " could not be attempted now; the timer tries again", e);
        }
    }

    /** Delivers the row if this worker claims it; a failure schedules the next attempt. */
    void attempt(long tenantId, long id) {
        Instant now = clock.instant();
        Optional<OutboxRows.Claimed> claimed = rows.claim(tenantId, id, now, now.plus(CLAIM));
        if (claimed.isEmpty()) {
            return; // delivered, not due yet, or being delivered by another worker
        }
        OutboxRows.Claimed row = claimed.get();
        Delivery delivery;
        try {
            delivery = delivery(row.channel());
            delivery.deliver(row.recipient(), row.payload());
        } catch (Exception e) {
            Duration wait = Backoff.after(row.attempts());
            rows.failed(tenantId, id, clock.instant().plus(wait), describe(e));
            LOG.warning(() -> "Outbox row " + id + " (" + row.channel() + ", tenant " + tenantId + ") not delivered at attempt "
                    + row.attempts() + ", next in " + wait.toSeconds() + " s: " + describe(e));
            return;
        }
        rows.delivered(tenantId, id, clock.instant(), receipt(delivery, row.payload()), RecipientHash.of(row.recipient()));
    }

    /**
     * What the delivered row keeps of its payload. Once the mail is out, a payload the channel cannot
     * summarise is blanked rather than kept: marking the row delivered must not fail (a resend).
     */
    private static String receipt(Delivery delivery, String payload) {
        try {
            return delivery.receipt(payload);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "No receipt of a delivered " + delivery.channel() + " payload; it is blanked", e);
            return "{}";
        }
    }

    /** The channel's delivery bean; none is a failure like any other (the row waits, its error says why). */
    private Delivery delivery(OutboxChannel channel) {
        for (Delivery delivery : deliveries) {
            if (delivery.channel() == channel) {
                return delivery;
            }
        }
        throw new IllegalStateException("No delivery for the channel " + channel);
    }

    /** The exception and its causes, one line: what an operator reads in last_error. */
    private static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
        }
        return text.toString().replaceAll("\\s+", " ");
    }
}
