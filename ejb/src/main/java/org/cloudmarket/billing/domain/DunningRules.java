package org.cloudmarket.billing.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.cloudmarket.subscription.domain.DeploymentStatus;
import org.cloudmarket.subscription.domain.StopReason;

/**
 * What an unpaid invoice sets off (DOMAIN.md, Orders and subscriptions: unpaid invoices; Decisions: Invoices): a
 * reminder once a day from its due date; {@code sleepDays} after the due date its subscriptions are STOPPED (UNPAID);
 * {@code delayDays} after the due date (both count from it, Decisions) they go UNDEPLOY_SENT. While a payment is
 * processing at the gateway (PENDING, a SEPA debit) the count stands still, for at most {@link #MAX_PAUSE}: the
 * customer is not punished for the bank's days, nor may a payment stuck at the gateway hold the count off forever.
 * Days are the tenant's calendar days: a due date at 10:00 stops at 10:00 two days later, across a DST change too.
 * DELAYED (trusted to pay later) counts as paid. Pure: the caller reads the invoices and applies the steps.
 */
public final class DunningRules {

    /** The longest a payment processing at the gateway pauses the count. */
    public static final Duration MAX_PAUSE = Duration.ofDays(7);

    private DunningRules() {
    }

    /** The steps in their order: each later one includes the earlier ones' consequences. */
    public enum Step { NONE, REMIND, STOP, UNDEPLOY }

    /** What a subscription must do now. */
    public enum Action { NONE, STOP, UNDEPLOY, RESUME }

    /**
     * An invoice as dunning sees it; {@code pendingSince} is when its payment started processing (status PENDING);
     * {@code paused} the pause its earlier payments built up before they failed (invoice.paused_seconds, review 13 point
     * 19): a SEPA debit pending for 5 days that then fails keeps those 5 days, so the count goes on where it stood
     * instead of jumping 5 days at once.
     */
    public record OpenInvoice(InvoiceStatus status, Instant dueAt, Optional<Instant> pendingSince, Duration paused) {
        public OpenInvoice {
            if (paused.isNegative()) {
                throw new IllegalArgumentException("A pause is never negative: " + paused);
            }
        }

        /** One whose payments never paused the count. */
        public OpenInvoice(InvoiceStatus status, Instant dueAt, Optional<Instant> pendingSince) {
            this(status, dueAt, pendingSince, Duration.ZERO);
        }
    }

    /** The tenant's settings and zone. */
    public record Terms(int sleepDays, int delayDays, ZoneId zone) {
        public Terms {
            if (sleepDays < 0 || delayDays < sleepDays) {
                throw new IllegalArgumentException("0 <= sleepDays <= delayDays: " + sleepDays + ", " + delayDays);
            }
        }

        public static Terms of(BillingSettings settings, ZoneId zone) {
            return new Terms(settings.sleepDays(), settings.delayDays(), zone);
        }
    }

    /** The invoice's step at {@code at}. Nothing before its due date, nothing once settled. */
    public static Step step(OpenInvoice invoice, Instant at, Terms terms) {
        if (!owed(invoice.status())) {
            return Step.NONE;
        }
        Instant counted = at.minus(pause(invoice, at));
        if (!counted.isAfter(invoice.dueAt())) {
            return Step.NONE;
        }
        ZonedDateTime due = invoice.dueAt().atZone(terms.zone());
        if (!counted.isBefore(due.plusDays(terms.delayDays()).toInstant())) {
            return Step.UNDEPLOY;
        }
        if (!counted.isBefore(due.plusDays(terms.sleepDays()).toInstant())) {
            return Step.STOP;
        }
        return Step.REMIND;
    }

    /** Whether a reminder of the invoice goes out today (once a day, the caller's key): overdue, and its subscriptions not ended by it. */
    public static boolean reminds(Step step) {
        return step == Step.REMIND || step == Step.STOP;
    }

    /**
     * What a subscription does given the furthest step of its owed invoices: a DEPLOYED one stops (or ends, past
     * delayDays); a STOPPED one ends past delayDays, and one stopped for UNPAID resumes once no invoice holds it
     * past sleepDays any more (paid, or DELAYED). A QUOTA stop stays a QUOTA stop: only its upgrade lifts it. Other
     * statuses (being provisioned, waiting for the first payment, ending) are not dunning's.
     */
    public static Action action(DeploymentStatus status, Optional<StopReason> stopReason, Step furthest) {
        return switch (status) {
            case DEPLOYED -> switch (furthest) {
                case UNDEPLOY -> Action.UNDEPLOY;
                case STOP -> Action.STOP;
                case NONE, REMIND -> Action.NONE;
            };
            case STOPPED -> {
                if (furthest == Step.UNDEPLOY) {
                    yield Action.UNDEPLOY;
                }
                boolean unpaidStop = stopReason.orElse(null) == StopReason.UNPAID;
                yield unpaidStop && furthest.compareTo(Step.STOP) < 0 ? Action.RESUME : Action.NONE;
            }
            default -> Action.NONE;
        };
    }

    /** Owed: not paid, not trusted to pay later, not cancelled or expired. */
    public static boolean owed(InvoiceStatus status) {
        return status == InvoiceStatus.UNPAID || status == InvoiceStatus.PENDING || status == InvoiceStatus.REQUIRES_ACTION;
    }

    /**
     * The time the count stood still at {@code at}: what earlier payments built up, plus, while one is PENDING, the time
     * from the later of the due date and its start; at most 7 days in all, so that payments started one after another
     * never hold the count off for longer than one would.
     */
    static Duration pause(OpenInvoice invoice, Instant at) {
        Duration paused = invoice.paused();
        if (invoice.status() == InvoiceStatus.PENDING) {
            Instant since = invoice.pendingSince().filter(start -> start.isAfter(invoice.dueAt())).orElse(invoice.dueAt());
            if (at.isAfter(since)) {
                paused = paused.plus(Duration.between(since, at));
            }
        }
        return paused.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : paused;
    }

    /**
     * The pause an invoice keeps once its PENDING payment failed at {@code failedAt} (it is UNPAID again): what had built
     * up by then, the 7 days' cap included. The caller stores it on the invoice (Invoice.paymentFailed).
     */
    public static Duration keptAfterFailure(OpenInvoice pending, Instant failedAt) {
        if (pending.status() != InvoiceStatus.PENDING) {
            throw new IllegalArgumentException("Only a PENDING payment fails, not one of a " + pending.status() + " invoice");
        }
        return pause(pending, failedAt);
    }
}
