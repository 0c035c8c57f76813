package org.cloudmarket.subscription.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.cloudmarket.customer.service.CustomerDataSection;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.subscription.domain.Subscription;
import org.cloudmarket.tenancy.domain.Organization;

/** "Download my data": the customer's subscriptions, each with its changelog, as the customer itself reads them. */
@Dependent
public class SubscriptionsSection implements CustomerDataSection {

    @Inject
    private EntityManager entityManager;

    @Inject
    private Subscriptions subscriptions;

    @Override
    public String key() {
        return "subscriptions";
    }

    @Override
    public Object export(Organization customer, List<User> users) {
        return entityManager.createQuery("SELECT s FROM Subscription s WHERE s.customerId = :customer ORDER BY s.id", Subscription.class)
                .setParameter("customer", customer.getId()).getResultStream().map(s -> subscriptions.view(s, true)).toList();
    }
}
