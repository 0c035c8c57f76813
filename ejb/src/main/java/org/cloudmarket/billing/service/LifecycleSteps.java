package org.cloudmarket.billing.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.cloudmarket.billing.domain.BillingSettings;
import org.cloudmarket.billing.domain.DunningRules;
import org.cloudmarket.billing.domain.Invoice;
import org.cloudmarket.billing.domain.InvoiceKind;
import org.cloudmarket.billing.domain.InvoiceStatus;
import org.cloudmarket.billing.domain.RenewalReminders;
import org.cloudmarket.billing.service.LifecycleRun.Done;
import org.cloudmarket.shared.persistence.InstantConverter;
import org.cloudmarket.shared.persistence.NativeSql;
import org.cloudmarket.subscription.domain.Change;
import org.cloudmarket.subscription.domain.DeploymentStatus;
import org.cloudmarket.subscription.domain.StopReason;
import org.cloudmarket.subscription.domain.Subscription;
import org.cloudmarket.subscription.domain.SubscriptionType;
import org.cloudmarket.subscription.service.Lifecycle;
import org.cloudmarket.subscription.service.Provisioning;

/**
 * The lifecycle run's reads (keyset pages of ids of the bound tenant) and its decisions, each decision in a
 * transaction of its own with its row locked, so that one failure stops no other and two runs at once decide once:
 * a status moves only from the status the rules start from, and a reminder is sent only by the run whose INSERT
 * wrote its lifecycle_notice row (subject, kind, tenant day). Status changes go through Lifecycle.record with their
 * reason (the changelog), ends through Provisioning.end as a TERMINATION's do, so the vendor is told.
 */
@Dependent
@Transactional
class LifecycleSteps {

    /** lifecycle_notice.kind: what was sent about which subject (an invoice for PAYMENT_REMINDER, else a subscription). */
    enum Notice { PAYMENT_REMINDER, RENEWAL_REMINDER }

    private static final List<DeploymentStatus> RUNNING = List.of(DeploymentStatus.DEPLOYED, DeploymentStatus.STOPPED);

    @Inject
    private EntityManager entityManager;

    @Inject
    private BillingTenant billingTenant;

    @Inject
    private InvoiceSettlement settlement;

    @Inject
    private Invoicing invoicing;

    @Inject
    private Dunning dunning;

    @Inject
    private Lifecycle lifecycle;

    @Inject
    private Provisioning provisioning;

    @Inject
    private LifecycleMails mails;

    @Inject
    private ManualRenewals manualRenewals;

    /** The tenant's settings, read in a transaction of their own (the run itself has none). */
    BillingSettings settings() {
        return billingTenant.settings();
    }

    /** Owed invoices past their due date that bill a running subscription (a first invoice waiting is FirstPaymentExpiry's). */
    List<Long> overdueInvoices(long afterId, Instant at, int limit) {
        return entityManager.createQuery("SELECT i.id FROM Invoice i WHERE i.id > :after AND i.kind = :kind AND i.status IN :owed"
                        + " AND i.dueAt < :at AND EXISTS (SELECT p.id FROM Proceed p, Subscription s WHERE p.invoiceId = i.id"
                        + " AND s.id = p.subscriptionId AND s.deploymentStatus IN :running) ORDER BY i.id", Long.class)
                .setParameter("after", afterId).setParameter("kind", InvoiceKind.INVOICE).setParameter("owed", Dunning.OWED)
                .setParameter("at", at).setParameter("running", RUNNING).setMaxResults(limit).getResultList();
    }

    List<Long> stoppedUnpaid(long afterId, int limit) {
        return entityManager.createQuery("SELECT s.id FROM Subscription s WHERE s.id > :after AND s.deploymentStatus = :stopped"
                        + " AND s.stopReason = :unpaid ORDER BY s.id", Long.class)
                .setParameter("after", afterId).setParameter("stopped", DeploymentStatus.STOPPED).setParameter("unpaid", StopReason.UNPAID)
                .setMaxResults(limit).getResultList();
    }

    /** Running manual renewals whose window ends before {@code horizon} (the furthest reminder day ahead). */
    List<Long> manualRenewals(long afterId, Instant horizon, int limit) {
        return entityManager.createQuery("SELECT s.id FROM Subscription s WHERE s.id > :after AND s.type = :normal AND s.autoRenew = FALSE"
                        + " AND s.deploymentStatus IN :running AND s.endsAt < :horizon ORDER BY s.id", Long.class)
                .setParameter("after", afterId).setParameter("normal", SubscriptionType.NORMAL).setParameter("running", RUNNING)
                .setParameter("horizon", horizon).setMaxResults(limit).getResultList();
    }

    /** One overdue invoice: its subscriptions stopped or ended as the rules say, and today's reminder while it may still help. */
    List<Done> dun(long invoiceId, Instant at) {
        Invoice invoice = entityManager.find(Invoice.class, invoiceId);
        if (invoice == null) {
            return List.of();
        }
        entityManager.refresh(invoice, LockModeType.PESSIMISTIC_WRITE); // a payment's guarded UPDATE waits, or went first
        if (!DunningRules.owed(invoice.getStatus())) {
            return List.of();
        }
        BillingSettings settings = billingTenant.settings();
        ZoneId zone = billingTenant.tenant().getTimeZone();
        DunningRules.Step step = DunningRules.step(Dunning.open(invoice), at, DunningRules.Terms.of(settings, zone));
        LocalDate due = invoice.getDueAt().atZone(zone).toLocalDate();
        List<Done> done = new ArrayList<>();
        boolean running = false;
        for (Subscription subscription : settlement.subscriptionsOf(invoice)) {
            entityManager.refresh(subscription, LockModeType.PESSIMISTIC_WRITE);
            switch (DunningRules.action(subscription.getDeploymentStatus(), subscription.getStopReason(), step)) {
                case STOP -> {
                    lifecycle.record(subscription, "Invoice " + invoice.getNumber() + " unpaid " + settings.sleepDays()
                            + " days after its due date " + due + " (billing.sleepDays)", invoice.getOrderId().orElse(null),
                            new Change.Stop(StopReason.UNPAID));
                    mails.suspended(subscription, invoice, due.plusDays(settings.delayDays()));
                    done.add(Done.STOPPED);
                }
                case UNDEPLOY -> {
                    lifecycle.record(subscription, "Invoice " + invoice.getNumber() + " unpaid " + settings.delayDays()
                            + " days after its due date " + due + " (billing.delayDays)", invoice.getOrderId().orElse(null),
                            new Change.Status(DeploymentStatus.UNDEPLOY_SENT));
                    provisioning.end(subscription, invoice.getOrderId().orElse(null));
                    mails.endedUnpaid(subscription, invoice);
                    done.add(Done.ENDED_UNPAID);
                }
                case NONE, RESUME -> { }
            }
            running |= RUNNING.contains(subscription.getDeploymentStatus());
        }
        if (running && DunningRules.reminds(step) && noticed(Notice.PAYMENT_REMINDER, invoice.getId(), at.atZone(zone).toLocalDate(), at)) {
            mails.paymentReminder(invoice, due, due.plusDays(settings.sleepDays()));
            done.add(Done.REMINDED);
        }
        return done;
    }

    /** A subscription stopped for UNPAID that nothing owed holds past sleepDays any more resumes. */
    List<Done> reconsider(long subscriptionId, Instant at) {
        Subscription subscription = locked(subscriptionId);
        if (subscription == null) {
            return List.of();
        }
        return dunning.resumeIfClear(subscription, at, "No invoice unpaid past billing.sleepDays any more: the suspension is lifted", null)
                ? List.of(Done.RESUMED) : List.of();
    }

    /**
     * A manual renewal: from the first reminder day its renewal order and invoice (once), and its reminder on a reminder
     * day while that invoice is unpaid; once its window ended, unpaid, its end and that invoice credited. A paid one is
     * left to the billing run, which renews the window at its end (after its last usage is billed on its own prices).
     */
    List<Done> renewal(long subscriptionId, Instant at) {
        Subscription subscription = locked(subscriptionId);
        if (subscription == null || !RenewalReminders.manual(subscription.getType(), subscription.getDeploymentStatus(), subscription.isAutoRenew())) {
            return List.of();
        }
        ZoneId zone = billingTenant.tenant().getTimeZone();
        LocalDate lastDay = RenewalReminders.lastDay(subscription.getEndsAt(), zone);
        boolean paid = manualRenewals.paid(subscription);
        if (RenewalReminders.lapsed(subscription.getEndsAt(), at, paid)) {
            return lapse(subscription, lastDay);
        }
        List<Integer> days = billingTenant.settings().renewalReminderDays();
        List<Done> done = new ArrayList<>();
        if (RenewalReminders.renewalInvoiceDue(subscription.getEndsAt(), at, zone, days) && manualRenewals.issue(subscription, zone).isPresent()) {
            done.add(Done.RENEWAL_INVOICED);
        }
        OptionalInt day = RenewalReminders.reminderDay(subscription.getEndsAt(), at, zone, days);
        if (day.isPresent() && !paid && noticed(Notice.RENEWAL_REMINDER, subscription.getId(), at.atZone(zone).toLocalDate(), at)) {
            mails.renewalReminder(subscription, lastDay, manualRenewals.invoice(subscription));
            done.add(Done.RENEWAL_REMINDED);
        }
        return done;
    }

    private List<Done> lapse(Subscription subscription, LocalDate lastDay) {
        List<Done> done = new ArrayList<>();
        List<Long> unpaidRenewals = manualRenewals.unpaidInvoices(subscription); // read on the window as it was
        lifecycle.record(subscription, "The window ended after " + lastDay + " without a renewal (auto-renew off)", null,
                new Change.Status(DeploymentStatus.UNDEPLOY_SENT));
        provisioning.end(subscription, null);
        done.add(Done.LAPSED);
        // its renewal invoice can no longer be paid (Decisions: Invoices): a credit note cancels it (found through its
        // proceeds: ManualRenewals.unpaidInvoices; the window just served stays owed)
        for (long id : unpaidRenewals) {
            Invoice invoice = entityManager.find(Invoice.class, id);
            entityManager.refresh(invoice, LockModeType.PESSIMISTIC_WRITE);
            if (invoice.getStatus() == InvoiceStatus.UNPAID) {
                invoicing.cancelByCreditNote(invoice);
                done.add(Done.CREDITED);
            }
        }
        mails.expired(subscription, lastDay);
        return done;
    }

    private Subscription locked(long subscriptionId) {
        Subscription subscription = entityManager.find(Subscription.class, subscriptionId);
        if (subscription != null) {
            entityManager.refresh(subscription, LockModeType.PESSIMISTIC_WRITE);
        }
        return subscription;
    }

    /** Writes the notice of that subject, kind and tenant day unless it exists: true when this call wrote it (and so sends it). */
    private boolean noticed(Notice kind, long subjectId, LocalDate day, Instant at) {
        return NativeSql.of(entityManager, "INSERT IGNORE INTO lifecycle_notice (tenant_id, kind, subject_id, day, sent_at) VALUES (?, ?, ?, ?, ?)")
                .setParameter(1, billingTenant.id()).setParameter(2, kind.name()).setParameter(3, subjectId)
                .setParameter(4, Date.valueOf(day)).setParameter(5, InstantConverter.column(at)).executeUpdate() == 1;
    }
}
