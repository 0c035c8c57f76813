package org.cloudmarket.metering.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.cloudmarket.catalog.domain.Metric;
import org.cloudmarket.metering.domain.MeteringSettings;
import org.cloudmarket.metering.domain.QuotaWatch;
import org.cloudmarket.pricing.BillingPeriod;
import org.cloudmarket.shared.persistence.InstantConverter;
import org.cloudmarket.shared.persistence.NativeSql;
import org.cloudmarket.shared.tenant.TenantContext;
import org.cloudmarket.subscription.domain.Change;
import org.cloudmarket.subscription.domain.DeploymentStatus;
import org.cloudmarket.subscription.domain.StopReason;
import org.cloudmarket.subscription.domain.Subscription;
import org.cloudmarket.subscription.service.Lifecycle;

/**
 * Watches a subscription's quotas in its current period (METERING-CONTRACT, Quota; DOMAIN.md, Quotas): at 90 % of a
 * quota the customer is told once per period, in-app and by mail, with the way to an upgrade; at 100 % of a blocking
 * quota the subscription is STOPPED for QUOTA (which never leads on to UNDEPLOY_SENT: StopReason.leadsToUndeploy) until a
 * plan or extra-resource change brings it back under 100 % ({@link #reconsider}). "Once" is the quota_alert row's unique
 * key: of two checks seeing the same crossing, only the one whose INSERT wrote the row tells the customer.
 */
@Dependent
public class Quotas {

    /** The alert levels of quota_alert.level. */
    enum Alert { WARNING, BLOCKED }

    /** Statuses whose usage is watched: running, or being provisioned (a STOPPED one is already blocked or unpaid). */
    private static final Set<DeploymentStatus> WATCHED = EnumSet.of(DeploymentStatus.PENDING, DeploymentStatus.DEPLOYED);

    @Inject
    private EntityManager entityManager;

    @Inject
    private UsageMeasures usageMeasures;

    @Inject
    private Lifecycle lifecycle;

    @Inject
    private QuotaMails quotaMails;

    @Inject
    private TenantContext tenantContext;

    @Inject
    private Clock clock;

    /** After the folder folded the subscription's series: its hours are current, so this does not fold again. */
    public void check(long subscriptionId) {
        Subscription subscription = entityManager.find(Subscription.class, subscriptionId);
        if (subscription == null || !WATCHED.contains(subscription.getDeploymentStatus()) || subscription.getPeriodStart() == null) {
            return;
        }
        BillingPeriod period = new BillingPeriod(subscription.getPeriodStart(), subscription.getPeriodEnd());
        Instant now = clock.instant();
        MeteringSettings settings = usageMeasures.settings();
        for (Metric metric : usageMeasures.metricsOf(subscription)) {
            Optional<MeteringSettings.Quota> quota = usageMeasures.quotaOf(metric, settings);
            if (quota.isEmpty()) {
                continue;
            }
            BigDecimal measured = usageMeasures.quotaMeasured(subscription, metric, period, now);
            QuotaWatch.Level level = QuotaWatch.level(quota.get(), measured);
            if (level == QuotaWatch.Level.NONE) {
                continue;
            }
            boolean blocks = level == QuotaWatch.Level.EXCEEDED && quota.get().blocking();
            if (blocks && block(subscription, metric, period, measured, quota.get())) {
                return;
            }
            // nothing stopped (not blocking, or not DEPLOYED, say still provisioning): the customer is warned; the row is
            // written only here, beside its mail, so that a row never stands for a warning nobody sent
            if (raised(subscription, metric, period, Alert.WARNING, measured, quota.get())) {
                quotaMails.warning(subscription, metric, QuotaWatch.percent(quota.get(), measured), quota.get());
            }
        }
    }

    /**
     * After ordering applied a plan or extra-resource change (SubscriptionChanges): a subscription STOPPED for QUOTA
     * whose period so far is below 100 % of every blocking quota of its plan now resumes.
     */
    public void reconsider(Subscription subscription) {
        if (subscription.getDeploymentStatus() != DeploymentStatus.STOPPED || subscription.getStopReason().orElse(null) != StopReason.QUOTA) {
            return;
        }
        // the hours as last folded (at most a fold round old): a fold of its own here would wait for this transaction's
        // lock on the subscription (the hours' foreign key); a reading folded later is checked by that fold
        BillingPeriod period = new BillingPeriod(subscription.getPeriodStart(), subscription.getPeriodEnd());
        Instant now = clock.instant();
        MeteringSettings settings = usageMeasures.settings();
        boolean stillExceeded = usageMeasures.metricsOf(subscription).stream().anyMatch(metric -> usageMeasures.quotaOf(metric, settings)
                .filter(MeteringSettings.Quota::blocking)
                .map(quota -> QuotaWatch.level(quota, usageMeasures.quotaMeasured(subscription, metric, period, now)) == QuotaWatch.Level.EXCEEDED)
                .orElse(false));
        if (!stillExceeded) {
            lifecycle.record(subscription, "Quota below 100 % after the change", null, new Change.Status(DeploymentStatus.DEPLOYED));
            // the period's alerts were against the old plan's quotas: a crossing of the new plan's tells the customer again
            NativeSql.of(entityManager, "DELETE FROM quota_alert WHERE tenant_id = ? AND subscription_id = ? AND period_start = ?")
                    .setParameter(1, tenantContext.requireTenantId()).setParameter(2, subscription.getId())
                    .setParameter(3, InstantConverter.column(period.start())).executeUpdate();
        }
    }

    /**
     * True when this call stopped the subscription (or another check stopped it for QUOTA just before, or its plan changed
     * meanwhile): nothing more to do for this metric.
     */
    private boolean block(Subscription subscription, Metric metric, BillingPeriod period, BigDecimal measured, MeteringSettings.Quota quota) {
        // two checks may see the crossing at once: the row lock makes the second see STOPPED (and the version stay whole).
        // The locked row read afresh, not the copy check() read: JPA lets lock() fail on the version of a copy written
        // since (EclipseLink's refreshes), and the crossing would never be acted on (a new transaction: nothing of ours to lose)
        entityManager.refresh(subscription, LockModeType.PESSIMISTIC_WRITE);
        if (subscription.getPlanId() != metric.getPlan().getId()) {
            // the plan changed since check() read it: the old plan's quota no longer applies, and the new plan's are checked
            // by the next fold (of the change's closing readings, or of the next reading)
            return true;
        }
        if (subscription.getDeploymentStatus() != DeploymentStatus.DEPLOYED) {
            return subscription.getStopReason().orElse(null) == StopReason.QUOTA;
        }
        lifecycle.record(subscription, "Quota of " + metric.getCode() + " reached: " + measured.stripTrailingZeros().toPlainString() + " of "
                + quota.limit().stripTrailingZeros().toPlainString(), null, new Change.Stop(StopReason.QUOTA));
        if (raised(subscription, metric, period, Alert.BLOCKED, measured, quota)) {
            quotaMails.blocked(subscription, metric, quota);
        }
        return true;
    }

    /** Writes the period's alert of that level unless it exists: true when this call wrote it. */
    private boolean raised(Subscription subscription, Metric metric, BillingPeriod period, Alert level, BigDecimal measured,
                           MeteringSettings.Quota quota) {
        int written = NativeSql.of(entityManager, "INSERT IGNORE INTO quota_alert (tenant_id, subscription_id, metric_id, period_start, level,"
                        + " measured, quota, raised_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .setParameter(1, tenantContext.requireTenantId()).setParameter(2, subscription.getId()).setParameter(3, metric.getId())
                .setParameter(4, InstantConverter.column(period.start())).setParameter(5, level.name()).setParameter(6, measured)
                .setParameter(7, quota.limit()).setParameter(8, InstantConverter.column(clock.instant())).executeUpdate();
        return written == 1;
    }
}
