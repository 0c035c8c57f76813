package org.cloudmarket.billing.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.cloudmarket.billing.domain.Proceed;
import org.cloudmarket.billing.domain.ProceedChain;
import org.cloudmarket.pricing.BillingPeriod;
import org.cloudmarket.pricing.Coupon;
import org.cloudmarket.shared.persistence.NativeSql;
import org.cloudmarket.subscription.domain.PriceSnapshot;
import org.cloudmarket.subscription.domain.Subscription;
import org.cloudmarket.tenancy.domain.Tenant;

/**
 * Writes the proceeds of one period of a subscription (DOMAIN.md, Decisions: everything billed is a proceed first),
 * priced from the window's PriceSnapshot at every level. Period-generic: the first invoice bills period 0 with its
 * setup fee, the recurring billing issue later periods. A period is billed once, whatever order asks: the period's
 * kinds (license, setup fee, prepaid extras, discounts: {@link org.cloudmarket.billing.domain.ProceedKind#billedOncePerPeriod})
 * are looked up on (subscription, component, kind, period start) regardless of the order id, so a recurring run that
 * bills period 0 under its own order finds the first invoice's proceeds and adds nothing (they come back, already
 * invoiced); proration halves stay keyed by their change order. A re-run writes nothing: the subscription's row is
 * locked, then only the components not yet there are inserted, and the unique keys (uk_proceed_... with order_id,
 * uk_proceed_period on the generated period_order_key, 0 for the period's kinds) refuse any that a racing writer could
 * still add.
 */
@Dependent
public class PeriodBilling {

    @Inject
    private ProceedParties proceedParties;

    @Inject
    private FeeOverrides feeOverrides;

    @Inject
    private EntityManager entityManager;

    @Inject
    private BillingTenant billingTenant;

    @Inject
    private Clock clock;

    /**
     * The proceeds of the period caused by {@code orderId}: those written now and those a former run wrote. The
     * coupon's validity is judged at {@code pricedAt}: a first period at its order's instant (approved later).
     */
    public List<Proceed> bill(Subscription subscription, long orderId, BillingPeriod period, boolean first, Optional<Coupon> coupon,
                              java.time.Instant pricedAt) {
        // the caller's changes first (an approval's WAITING_PAYMENT), then the row lock: EclipseLink's lock() would refresh
        // the subscription from the database and drop what is not flushed yet
        entityManager.flush();
        NativeSql.of(entityManager, "SELECT id FROM subscription WHERE tenant_id = ? AND id = ? FOR UPDATE")
                .setParameter(1, billingTenant.id()).setParameter(2, subscription.getId()).getResultList();
        List<Proceed> existing = existing(subscription, orderId, period);
        Set<String> written = existing.stream().map(proceed -> ProceedChain.key(proceed.getComponent(), proceed.getKind()))
                .collect(Collectors.toSet());
        Tenant tenant = billingTenant.tenant();
        PriceSnapshot prices = PriceSnapshot.fromJson(subscription.getPrices());
        List<ProceedChain.Item> items = ProceedChain.items(new ProceedChain.PeriodInput(prices, subscription.getDuration(),
                subscription.getExtraResources().byCode(), coupon,
                new ProceedChain.QuoteRequestTime(pricedAt, tenant.getTimeZone(), period.start()), first,
                feeOverrides.of(subscription.getPlanId(), billingTenant.settings().platformFeePercent())));
        Proceed.Parties parties = proceedParties.of(subscription, orderId, subscription.getPlanId());
        List<Proceed> all = new ArrayList<>(existing);
        for (ProceedChain.Item item : ProceedChain.missing(items, written)) {
            Proceed proceed = new Proceed(parties, item.component(), item.kind(), period.start(), period.end(), item.description(),
                    item.quantity(), item.chain(), clock.instant());
            entityManager.persist(proceed);
            all.add(proceed);
        }
        entityManager.flush();
        return all;
    }

    private List<Proceed> existing(Subscription subscription, long orderId, BillingPeriod period) {
        return entityManager.createQuery("SELECT p FROM Proceed p WHERE p.subscriptionId = :subscription"
                        + " AND (p.kind IN :periodKinds OR p.orderId = :order) AND p.periodStart = :start ORDER BY p.id", Proceed.class)
                .setParameter("subscription", subscription.getId()).setParameter("order", orderId)
                .setParameter("periodKinds", org.cloudmarket.billing.domain.ProceedKind.periodKinds())
                .setParameter("start", period.start()).getResultList();
    }

}
