package org.cloudmarket.ordering.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.cloudmarket.ordering.domain.Order;
import org.cloudmarket.shared.error.NotFound;
import org.cloudmarket.shared.paging.CursorQuery;
import org.cloudmarket.shared.paging.Page;
import org.cloudmarket.subscription.domain.PartyScope;

/** The orders a caller may see (its PartyScope; not in scope is a 404), as cursor pages, newest first. */
@Dependent
class OrderList {

    @Inject
    private EntityManager entityManager;

    /** The orders the caller may see, newest first; a vendor's and a distributor's without payment details. */
    Page<OrderView> list(OrderQuery query, PartyScope scope) {
        return Page.of(rows(query, scope), query.page(), Order::getId, order -> view(order, scope));
    }

    /** The page's rows themselves (one more than the page holds, see Page.of). */
    List<Order> rows(OrderQuery query, PartyScope scope) {
        return CursorQuery.of("Order", "o", scope.jpql("o"), query.page()).bindIf(scope.bindsIds(), "scopeIds", scope.ids())
                .equal("o.status", query.status()).equal("o.type", query.type()).within("o.createdAt", query.from(), query.to())
                .rows(entityManager, Order.class);
    }

    Order visible(long id, PartyScope scope) {
        Order order = entityManager.find(Order.class, id);
        if (order == null || !scope.includes(order.getCustomerId().orElse(null), order.getSellerId().orElse(null), order.getVendorId())) {
            throw new NotFound("Order " + id + " was not found");
        }
        return order;
    }

    List<Order> bundleOf(Order order) {
        if (order.getBundleOrderId().isEmpty()) {
            return List.of(order);
        }
        return entityManager.createQuery("SELECT o FROM Order o WHERE o.bundleOrderId = :first ORDER BY o.id", Order.class)
                .setParameter("first", order.getBundleOrderId().get()).getResultList();
    }

    OrderView view(Order order, PartyScope scope) {
        List<Long> bundle = order.getBundleOrderId().isEmpty() ? List.of() : bundleOf(order).stream().map(Order::getId).toList();
        return OrderView.of(order, bundle, scope.seesBuyerDetails());
    }
}
