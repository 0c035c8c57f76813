package org.cloudmarket.ordering.service;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.cloudmarket.identity.domain.User;

/**
 * {@link Orders} for work no request starts: the demo data (DemoSeeder, at deployment, with no
 * caller) places orders as the demo's users, through exactly the rules a caller's
 * order goes through. Not an EJB, so no request reaches it; {@code @Typed} keeps it out of
 * injections of {@code Orders}. Each call is a transaction of its own.
 */
@Dependent
@Typed(ActingOrders.class)
@Transactional
public class ActingOrders extends Orders {

    @Inject
    private EntityManager entityManager;

    private User acting;

    public OrderView place(User user, PlaceOrder command) {
        return as(user, () -> place(command));
    }

    @Override
    User actor() {
        if (acting == null) {
            throw new IllegalStateException("ActingOrders acts as a named user only");
        }
        return acting;
    }

    private OrderView as(User user, java.util.function.Supplier<OrderView> work) {
        acting = entityManager.find(User.class, user.getId()); // this transaction's copy
        try {
            return work.get();
        } finally {
            acting = null;
        }
    }
}
