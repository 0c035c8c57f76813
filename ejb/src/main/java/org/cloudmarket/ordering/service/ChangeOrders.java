package org.cloudmarket.ordering.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cloudmarket.billing.domain.Proceed;
import org.cloudmarket.billing.domain.ProrationItem;
import org.cloudmarket.billing.service.ChangeInvoices;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.ordering.domain.Order;
import org.cloudmarket.ordering.domain.OrderLine;
import org.cloudmarket.ordering.domain.OrderSource;
import org.cloudmarket.ordering.domain.OrderStatus;
import org.cloudmarket.ordering.domain.OrderType;
import org.cloudmarket.pricing.BillingPeriod;
import org.cloudmarket.pricing.QuoteLine;
import org.cloudmarket.shared.error.Conflict;
import org.cloudmarket.subscription.domain.ChangeOutcome;
import org.cloudmarket.subscription.domain.PriceSnapshot;
import org.cloudmarket.subscription.domain.PricedChange;
import org.cloudmarket.subscription.domain.ProrationLine;
import org.cloudmarket.subscription.domain.Quantities;
import org.cloudmarket.subscription.domain.Subscription;
import org.cloudmarket.tenancy.domain.Organization;

/** The order of a change (its own type), priced, saved, settled and invoiced alike for every change type. */
@Dependent
class ChangeOrders {

    @Inject
    private EntityManager entityManager;

    @Inject
    private ChangeInvoices invoices;

    @Inject
    private Clock clock;

    /** A PAID change is invoiced now, from its proceeds; the order keeps the invoice's id. */
    void invoice(Subscription subscription, Order order, List<Proceed> written) {
        if (order.getStatus() == OrderStatus.PAID) {
            invoices.issue(subscription, order.getId(), written).ifPresent(invoice -> order.invoicedBy(invoice.getId()));
        }
    }

    /** The change's order, priced by the caller and then saved. */
    Order newOrder(User user, Subscription subscription, OrderType type, long planId, Quantities quantities) {
        Order order = new Order(type, OrderStatus.PLACED, new Order.Parties(source(user, subscription),
                subscription.getCustomerId().orElse(null), subscription.getSellerId().orElse(null),
                subscription.getStorefrontId().orElse(null), subscription.getVendorId(), subscription.getProductId(), planId, user.getId()),
                subscription.getDuration(), quantities, clock.instant(), null, clock.instant());
        order.attach(subscription.getId());
        return order;
    }

    /** The customer's own change is a pull, its seller's (or the marketplace's) a push. */
    OrderSource source(User user, Subscription subscription) {
        return user.getOrganization().map(Organization::getId).equals(subscription.getCustomerId()) ? OrderSource.PULL : OrderSource.PUSH;
    }

    /** Persisted once priced, so that its id keys the proceeds and the changelog. */
    Order save(Order order) {
        entityManager.persist(order);
        entityManager.flush();
        return order;
    }

    /** The order's lines are the sell-out proration lines, each with the chain's unit prices left to the proceeds. */
    void price(Order order, List<PricedChange> changes, PriceSnapshot prices, Subscription subscription) {
        List<OrderLine.Priced> lines = new ArrayList<>();
        for (PricedChange change : changes) {
            for (ProrationLine line : change.lines()) {
                QuoteLine.Type type = line.component().startsWith("extra:") ? QuoteLine.Type.EXTRA_RESOURCE : QuoteLine.Type.LICENSE;
                ProrationItem item = ProrationItem.of(line);
                lines.add(new OrderLine.Priced(type, line.component(), item.description(), item.quantity(), item.unitPrice(), item.amount(),
                        null, null, null));
            }
        }
        order.price(lines, subscription.getCurrency(), prices.marketplaceCurrency(), subscription.getExchangeRate().orElse(null),
                subscription.getCouponId().orElse(null));
    }

    OrderStatus settled(List<PricedChange> changes, boolean deferred) {
        if (changes.stream().anyMatch(change -> change.outcome() == ChangeOutcome.PAID)) {
            return OrderStatus.PAID;
        }
        return deferred ? OrderStatus.DEFERRED : OrderStatus.FREE;
    }

    /** The current period; one already over waits for the recurring billing to open the next (409), never a charge outside it. */
    BillingPeriod period(Subscription subscription) {
        Instant at = clock.instant();
        if (at.isBefore(subscription.getPeriodStart()) || !at.isBefore(subscription.getPeriodEnd())) {
            throw new Conflict("Subscription " + subscription.getId() + " is between billing periods; try again once the next one is billed");
        }
        return new BillingPeriod(subscription.getPeriodStart(), subscription.getPeriodEnd());
    }

    BigDecimal rate(Subscription subscription) {
        return subscription.getExchangeRate().orElse(null);
    }
}
