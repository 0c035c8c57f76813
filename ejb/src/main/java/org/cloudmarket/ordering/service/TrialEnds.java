package org.cloudmarket.ordering.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.cloudmarket.billing.service.ChangeInvoices;
import org.cloudmarket.billing.service.PeriodBilling;
import org.cloudmarket.metering.service.UsageResets;
import org.cloudmarket.shared.tenant.TenantContext;
import org.cloudmarket.tenancy.domain.Tenant;
import org.cloudmarket.subscription.domain.Change;
import org.cloudmarket.subscription.domain.DeploymentStatus;
import org.cloudmarket.subscription.domain.Subscription;
import org.cloudmarket.subscription.domain.SubscriptionType;
import org.cloudmarket.subscription.domain.TrialConversion;
import org.cloudmarket.subscription.service.Lifecycle;
import org.cloudmarket.subscription.service.Provisioning;

/**
 * A trial whose end has passed (DOMAIN.md, Orders and subscriptions): when its plan says so it
 * becomes a NORMAL subscription and stays DEPLOYED, otherwise it is terminated (UNDEPLOY_SENT,
 * then UNDEPLOYED by the platform). Each trial in a transaction of its own, in the tenant the
 * timer bound. Not a session bean and invisible outside its package: only {@link TrialEndTimer} runs it.
 * <p>
 * A converted trial's first paid period is billed at once (PeriodBilling, then ChangeInvoices: an
 * invoice due after the payment terms). Reminders, STOPPED after {@code sleepDays} and the end
 * after {@code delayDays} when it stays unpaid are the recurring-billing issue's unpaid-invoice rules.
 */
@Dependent
@Transactional
class TrialEnds {

    static final String CONVERTED = "The trial ended; the plan turns it into a paid subscription";
    static final String ENDED = "The trial ended; the plan does not turn it into a paid subscription";

    @Inject
    private EntityManager entityManager;

    @Inject
    private Lifecycle lifecycle;

    @Inject
    private Provisioning provisioning;

    @Inject
    private Clock clock;

    @Inject
    private TenantContext tenantContext;

    @Inject
    private PeriodBilling periodBilling;

    @Inject
    private ChangeInvoices changeInvoices;

    @Inject
    private UsageResets usageResets;

    /**
     * NORMAL from the trial's end (TrialConversion): re-anchored there, so its first paid period starts where the trial
     * ended and every later one follows that cycle, a commitment window of the order's duration, and that period is
     * billed (with the setup fee: it is the first paid one) and invoiced at once. Its counters restart at the trial's
     * end (UsageResets): the trial's usage is never billed.
     */
    private void convert(Subscription trial, long orderId) {
        ZoneId zone = entityManager.find(Tenant.class, tenantContext.requireTenantId()).getTimeZone();
        TrialConversion conversion = TrialConversion.of(trial, zone, clock.instant());
        lifecycle.record(trial, CONVERTED, orderId, conversion.changes().toArray(Change[]::new));
        usageResets.trialTurnedPaid(trial, trial.getTrialEndsAt().orElse(clock.instant()));
        changeInvoices.issue(trial, orderId, periodBilling.bill(trial, orderId, conversion.first(), true, Optional.empty(), clock.instant()));
    }

    /** The live trials of the bound tenant whose end has passed. */
    List<Long> due() {
        return entityManager.createQuery("SELECT s.id FROM Subscription s WHERE s.type = :trial AND s.trialEndsAt <= :now"
                        + " AND s.deploymentStatus IN :live ORDER BY s.id", Long.class)
                .setParameter("trial", SubscriptionType.TRIAL).setParameter("now", clock.instant())
                .setParameter("live", List.of(DeploymentStatus.PENDING, DeploymentStatus.DEPLOYED, DeploymentStatus.STOPPED))
                .getResultList();
    }

    /** Ends one trial; one another round ended meanwhile is left alone (its row lock orders the two). */
    void end(long subscriptionId) {
        Subscription trial = entityManager.find(Subscription.class, subscriptionId);
        if (trial == null) {
            return;
        }
        // the subscription's row before its counters' series (a conversion's resets): the one lock order of its usage, as a
        // plan change (SubscriptionChanges.priced) and a fold (SeriesFold) take them; the lock reads the row afresh, so
        // one another round ended meanwhile is seen ended here
        entityManager.lock(trial, LockModeType.PESSIMISTIC_WRITE);
        if (trial.getType() != SubscriptionType.TRIAL || trial.getDeploymentStatus().isFinal()
                || trial.getDeploymentStatus() == DeploymentStatus.UNDEPLOY_SENT) {
            return;
        }
        Long orderId = trial.getOrderId();
        if (trial.isTrialConverts()) {
            convert(trial, orderId);
            return;
        }
        lifecycle.record(trial, ENDED, orderId, new Change.Status(DeploymentStatus.UNDEPLOY_SENT));
        provisioning.end(trial, orderId);
    }
}
