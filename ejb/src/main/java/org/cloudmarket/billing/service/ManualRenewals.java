package org.cloudmarket.billing.service;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cloudmarket.billing.domain.BillingSettings;
import org.cloudmarket.billing.domain.Invoice;
import org.cloudmarket.billing.domain.InvoiceKind;
import org.cloudmarket.billing.domain.Proceed;
import org.cloudmarket.billing.domain.ProceedChain;
import org.cloudmarket.catalog.domain.Plan;
import org.cloudmarket.pricing.BillingPeriod;
import org.cloudmarket.pricing.Coupon;
import org.cloudmarket.shared.error.Conflict;
import org.cloudmarket.shared.persistence.InstantConverter;
import org.cloudmarket.shared.persistence.NativeSql;
import org.cloudmarket.subscription.domain.BillingCycle;
import org.cloudmarket.subscription.domain.PriceSnapshot;
import org.cloudmarket.subscription.domain.Subscription;

/**
 * A manual renewal's RENEWAL order and invoice (review 13, point 13; DOMAIN.md, Renewal: reminders "with a renewal
 * invoice to pay"): issued by the lifecycle run at the first reminder day (RenewalReminders.renewalInvoiceDue), in the
 * step's transaction with the subscription's row locked. The order is the next window's, keyed as every period order by
 * (subscription, period start = the window's end: uk_order_subscription_period), so a re-run or a second node finds it and
 * issues nothing. It keeps the next window's price snapshot (purchase_order.prices: today's lists, as an auto-renewal's),
 * and its proceeds are that window's first period's prepaid items on those prices, invoiced at once and due at the
 * window's end (DOMAIN, Decisions: renewals due at the period start). Paid, the billing run renews the window on the
 * order's snapshot (Renewals.renew) and finds that period billed already; unpaid at the end, the lifecycle run ends the
 * subscription and cancels the invoice ({@link #unpaidInvoices}). The order is read and written by table: ordering
 * depends on billing, never the reverse. No renewal order, and a lapse at the end, for a live-reporting tenant (it issues
 * no invoice), a customer without billing details, and a plan the storefront no longer sells (or whose prices no longer
 * fit what the subscription holds): its reminders then say the subscription ends.
 */
@Dependent
class ManualRenewals {

    private static final Logger LOG = Logger.getLogger(ManualRenewals.class.getName());

    private static final String ORDER = """
            INSERT INTO purchase_order (tenant_id, type, status, source, customer_id, seller_id, storefront_id, vendor_id, product_id,
                plan_id, placed_by, duration, extra_resources, coupon_id, currency, marketplace_currency, exchange_rate, start_at,
                subscription_id, total, created_at, version, period_start, prices)
            SELECT s.tenant_id, 'RENEWAL', 'PAID', o.source, s.customer_id, s.seller_id, s.storefront_id, s.vendor_id, s.product_id,
                s.plan_id, o.placed_by, s.duration, s.extra_resources, s.coupon_id, s.currency, o.marketplace_currency, s.exchange_rate,
                ?, s.id, ?, ?, 0, ?, ?
            FROM subscription s JOIN purchase_order o ON o.tenant_id = s.tenant_id AND o.id = s.order_id
            WHERE s.tenant_id = ? AND s.id = ?""";

    @Inject
    private EntityManager entityManager;

    @Inject
    private FeeOverrides feeOverrides;

    @Inject
    private BillingTenant billingTenant;

    @Inject
    private Renewals renewals;

    @Inject
    private ProceedParties proceedParties;

    @Inject
    private Instance<SubscriptionCoupons> coupons;

    @Inject
    private Invoicing invoicing;

    @Inject
    private IssuedInvoices issuedInvoices;

    @Inject
    private Clock clock;

    /**
     * The next window's RENEWAL order and its invoice, unless its order exists already (or the tenant reports live):
     * the invoice issued now. The caller holds the subscription's row lock.
     */
    Optional<Invoice> issue(Subscription subscription, ZoneId zone) {
        BillingSettings settings = billingTenant.settings();
        Instant start = subscription.getEndsAt();
        if (settings.liveReporting() || order(subscription.getId(), start).isPresent()
                || !invoicing.invoiceable(subscription.getSellerId().orElse(null), subscription.getCustomerId().orElseThrow())) {
            return Optional.empty(); // a customer without billing details cannot be invoiced: its reminder says the end comes
        }
        PriceSnapshot next;
        BillingPeriod period;
        List<ProceedChain.Item> items;
        try {
            next = renewals.today(subscription, subscription.getPlanId());
            period = firstPeriod(subscription, next, zone);
            Optional<Coupon> coupon = subscription.getCouponId().flatMap(id -> coupons.get().pricing(id))
                    .filter(each -> each.isValidAt(period.start())); // a purchase's coupon applies to every renewal until it expires
            items = ProceedChain.items(new ProceedChain.PeriodInput(next, subscription.getDuration(), subscription.getExtraResources().byCode(),
                    coupon, new ProceedChain.QuoteRequestTime(period.start(), zone, period.start()), false,
                    feeOverrides.of(subscription.getPlanId(), settings.platformFeePercent())));
        } catch (Conflict | IllegalArgumentException | IllegalStateException e) {
            // nothing written yet: the storefront no longer sells the plan (or in another currency), or today's plan no longer
            // prices what the subscription holds; there is nothing to renew to, and the reminder says the window ends
            LOG.log(Level.WARNING, "Subscription " + subscription.getId() + " gets no renewal invoice: " + e.getMessage());
            return Optional.empty();
        }
        if (items.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal total = items.stream().map(item -> item.chain().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        Instant now = clock.instant();
        entityManager.flush();
        NativeSql.of(entityManager, ORDER).setParameter(1, column(start)).setParameter(2, total).setParameter(3, column(now))
                .setParameter(4, column(start)).setParameter(5, next.toJson()).setParameter(6, billingTenant.id())
                .setParameter(7, subscription.getId()).executeUpdate();
        long orderId = order(subscription.getId(), start).orElseThrow();
        Proceed.Parties parties = proceedParties.of(subscription, orderId, subscription.getPlanId());
        List<Proceed> proceeds = new ArrayList<>();
        for (ProceedChain.Item item : items) {
            Proceed proceed = new Proceed(parties, item.component(), item.kind(), period.start(), period.end(), item.description(),
                    item.quantity(), item.chain(), now);
            entityManager.persist(proceed);
            proceeds.add(proceed);
        }
        entityManager.flush();
        boolean selfBilled = settings.selfBilled(entityManager.find(Plan.class, subscription.getPlanId()).isSelfBilled(), false);
        Invoice invoice = invoicing.issue(selfBilled ? InvoiceKind.PRO_FORMA : InvoiceKind.INVOICE, proceeds, orderId, start);
        issuedInvoices.announce(invoice, orderId);
        return Optional.of(invoice);
    }

    /** The next window's renewal invoice, if it was issued (its order names it). */
    Optional<Invoice> invoice(Subscription subscription) {
        return entityManager.createQuery("SELECT i FROM Invoice i WHERE i.orderId = :order AND i.kind <> :credit ORDER BY i.id", Invoice.class)
                .setParameter("order", order(subscription.getId(), subscription.getEndsAt()).orElse(-1L))
                .setParameter("credit", InvoiceKind.CREDIT_NOTE).getResultStream().findFirst();
    }

    /** Whether the next window's renewal invoice is paid (or trusted to be: DELAYED): the window renews at its end. */
    boolean paid(Subscription subscription) {
        return invoice(subscription).filter(invoice -> invoice.getStatus().countsAsPaid()).isPresent();
    }

    /**
     * The unpaid invoices that bill a window after the current one's end, which a lapse leaves nobody to use: found
     * through their proceeds, so that an invoice grouping several orders (order_id NULL, a run's) is found as well as one of
     * a single order; the window just served is owed and stays so.
     */
    List<Long> unpaidInvoices(Subscription subscription) {
        @SuppressWarnings("unchecked")
        List<Number> ids = NativeSql.of(entityManager, "SELECT DISTINCT i.id FROM invoice i JOIN proceed p ON p.tenant_id = i.tenant_id"
                        + " AND p.invoice_id = i.id JOIN purchase_order o ON o.tenant_id = p.tenant_id AND o.id = p.order_id"
                        + " WHERE i.tenant_id = ? AND p.subscription_id = ? AND o.type = 'RENEWAL' AND o.period_start >= ?"
                        + " AND i.kind = 'INVOICE' AND i.status = 'UNPAID' ORDER BY i.id")
                .setParameter(1, billingTenant.id()).setParameter(2, subscription.getId()).setParameter(3, column(subscription.getEndsAt()))
                .getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /**
     * The first period of the window that starts at the current one's end, on the subscription's cycle (the same anchor):
     * the one starting there; for a window that ends inside a period (a row whose end is off its cycle), the next one, as
     * RecurringGenerator bills a window that opens mid-period.
     */
    private static BillingPeriod firstPeriod(Subscription subscription, PriceSnapshot next, ZoneId zone) {
        BillingCycle cycle = BillingCycle.of(subscription.getAnchorAt(), next.sellOut().unit(), next.sellOut().billingFrequency(), zone);
        int k = cycle.indexAt(subscription.getEndsAt());
        return cycle.period(k).start().equals(subscription.getEndsAt()) ? cycle.period(k) : cycle.period(k + 1);
    }

    private Optional<Long> order(long subscriptionId, Instant periodStart) {
        @SuppressWarnings("unchecked")
        List<Number> ids = NativeSql.of(entityManager, "SELECT id FROM purchase_order WHERE tenant_id = ? AND subscription_id = ?"
                        + " AND period_start = ? AND type = 'RENEWAL'")
                .setParameter(1, billingTenant.id()).setParameter(2, subscriptionId).setParameter(3, column(periodStart)).getResultList();
        return ids.stream().findFirst().map(Number::longValue);
    }

    private static Object column(Instant instant) {
        return InstantConverter.column(instant);
    }
}
