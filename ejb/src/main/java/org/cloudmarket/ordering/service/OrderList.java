package org.cloudmarket.ordering.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import org.cloudmarket.ordering.domain.Order;
import org.cloudmarket.shared.error.NotFound;
import org.cloudmarket.shared.paging.Page;
import org.cloudmarket.subscription.domain.PartyScope;

/** The orders a caller may see (its PartyScope; not in scope is a 404), as cursor pages, newest first. */
@Dependent
class OrderList {

    @Inject
    private EntityManager entityManager;

    /** The orders the caller may see, newest first; a vendor's and a distributor's without payment details. */
    Page<OrderView> list(OrderQuery query, PartyScope scope) {
        StringBuilder jpql = new StringBuilder("SELECT o FROM Order o WHERE o.id < :before AND ").append(scope.jpql("o"));
        if (query.status() != null) {
            jpql.append(" AND o.status = :status");
        }
        if (query.type() != null) {
            jpql.append(" AND o.type = :type");
        }
        if (query.from() != null) {
            jpql.append(" AND o.createdAt >= :from");
        }
        if (query.to() != null) {
            jpql.append(" AND o.createdAt < :to");
        }
        TypedQuery<Order> rows = entityManager.createQuery(jpql.append(" ORDER BY o.id DESC").toString(), Order.class)
                .setParameter("before", query.page().beforeId()).setMaxResults(query.page().fetch());
        if (scope.bindsIds()) {
            rows.setParameter("scopeIds", scope.ids());
        }
        if (query.status() != null) {
            rows.setParameter("status", query.status());
        }
        if (query.type() != null) {
            rows.setParameter("type", query.type());
        }
        if (query.from() != null) {
            rows.setParameter("from", query.from());
        }
        if (query.to() != null) {
            rows.setParameter("to", query.to());
        }
        return Page.of(rows.getResultList(), query.page(), Order::getId, order -> view(order, scope));
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
