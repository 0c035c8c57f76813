package org.cloudmarket.billing.service;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.cloudmarket.billing.domain.BilledKey;
import org.cloudmarket.billing.domain.BillingPlan;
import org.cloudmarket.billing.domain.BillingTerms;
import org.cloudmarket.billing.domain.DueProceed;
import org.cloudmarket.billing.domain.PeriodUsage;
import org.cloudmarket.billing.domain.ProceedKind;
import org.cloudmarket.billing.domain.RecurringGenerator;
import org.cloudmarket.catalog.domain.Metric;
import org.cloudmarket.catalog.domain.Plan;
import org.cloudmarket.metering.domain.MeteringSettings;
import org.cloudmarket.metering.service.UsageMeasures;
import org.cloudmarket.pricing.BillingPeriod;
import org.cloudmarket.subscription.domain.Subscription;
import org.cloudmarket.subscription.service.PartyScopes;
import org.cloudmarket.subscription.service.Subscriptions;

/**
 * The dry run (issue 13): what a billing run at an instant would bill one subscription, from the same terms and the same
 * {@link RecurringGenerator} a run uses, and written nowhere. The subscription is read as its other reads are (404 out of
 * the caller's scope); what was billed comes from its proceeds, closed periods are measured by metering.
 */
@Stateless
@PermitAll
public class InvoicePreview {

    @Inject
    private EntityManager entityManager;

    @Inject
    private FeeOverrides feeOverrides;

    @Inject
    private Subscriptions subscriptions;

    @Inject
    private PartyScopes scopes;

    @Inject
    private UsageMeasures usageMeasures;

    @Inject
    private BillingTenant billingTenant;

    @Inject
    private jakarta.enterprise.inject.Instance<SubscriptionCoupons> coupons;

    public InvoicePreviewView at(long subscriptionId, Instant at) {
        Subscription subscription = subscriptions.inScope(subscriptionId, scopes.ofCaller());
        if (subscription.getAnchorAt() == null || subscription.getWindowStart() == null || subscription.getEndsAt() == null) {
            // not started (awaiting approval): no period yet, nothing a run would bill
            return new InvoicePreviewView(subscriptionId, at, List.of(), BigDecimal.ZERO, subscription.getCurrency().getCurrencyCode(), false);
        }
        BillingTerms terms = terms(subscription);
        Duration grace = MeteringSettings.of(billingTenant.tenant().getSettings()).grace();
        BillingPlan plan = RecurringGenerator.plan(terms, billed(subscription, RecurringGenerator.billedSince(terms, grace)),
                usage(subscription), at, grace);
        List<InvoicePreviewView.Line> lines = plan.proceeds().stream().map(InvoicePreview::line).toList();
        BigDecimal total = lines.stream().map(InvoicePreviewView.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        String currency = terms.prices().orderCurrency().getCurrencyCode();
        return new InvoicePreviewView(subscriptionId, at, lines, total, currency, plan.renewalDue());
    }

    /**
     * The subscription's terms as a run reads them, by the run's own mapping (DueSubscription.terms, of the entity as a
     * renewed subscription is read): its window, the window's prices, its coupon, its end, the tenant's fee.
     */
    private BillingTerms terms(Subscription subscription) {
        DueSubscription due = DueSubscription.of(subscription, null, Set.of()); // the parties are the writer's, not the terms'
        Optional<org.cloudmarket.pricing.Coupon> coupon = subscription.getCouponId().flatMap(id -> coupons.get().pricing(id));
        return due.terms(billingTenant.tenant().getTimeZone(), coupon,
                feeOverrides.of(subscription.getPlanId(), billingTenant.settings().platformFeePercent()));
    }

    private Set<BilledKey> billed(Subscription subscription, Instant since) {
        return entityManager.createQuery("SELECT p.component, p.kind, p.periodStart FROM Proceed p"
                        + " WHERE p.subscriptionId = :subscription AND p.periodStart >= :since", Object[].class)
                .setParameter("subscription", subscription.getId()).setParameter("since", since).getResultList().stream()
                .map(row -> new BilledKey((String) row[0], (ProceedKind) row[1], (Instant) row[2])).collect(Collectors.toSet());
    }

    /** Each closed period measured by metering (trial hours left out), per metric of the plan. */
    private PeriodUsage usage(Subscription subscription) {
        List<Metric> metrics = entityManager.find(Plan.class, subscription.getPlanId()).getMetrics();
        return (BillingPeriod period) -> {
            Map<String, BigDecimal> measured = new HashMap<>();
            for (Metric metric : metrics) {
                measured.put(metric.getCode(), usageMeasures.measure(subscription, metric, period).measured());
            }
            return measured;
        };
    }

    private static InvoicePreviewView.Line line(DueProceed proceed) {
        var item = proceed.item();
        var chain = item.chain();
        return new InvoicePreviewView.Line(proceed.period().start(), proceed.period().end(), item.component(), item.kind().name(),
                item.description(), item.quantity(), chain.unitPrice(), chain.amount(), chain.currency().getCurrencyCode());
    }
}
