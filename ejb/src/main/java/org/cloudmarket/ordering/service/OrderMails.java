package org.cloudmarket.ordering.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import org.cloudmarket.catalog.domain.Plan;
import org.cloudmarket.identity.domain.ApiKey;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.messaging.service.Mail;
import org.cloudmarket.messaging.service.MailRequest;
import org.cloudmarket.messaging.service.MailTemplate;
import org.cloudmarket.ordering.domain.Order;
import org.cloudmarket.shared.tenant.TenantContext;
import org.cloudmarket.tenancy.domain.Tenant;

/** Tells the buyer's users what happened to its order: placed, approved, rejected (with the reason). */
@Dependent
class OrderMails {

    @Inject
    private EntityManager entityManager;

    @Inject
    private Mail mail;

    @Inject
    private TenantContext tenantContext;

    void placed(Order order, Plan plan) {
        send(order, MailTemplate.ORDER_PLACED, plan, Map.of("total", order.getTotal().toPlainString() + " "
                + order.getCurrency().getCurrencyCode(), "status", order.getStatus().name()));
    }

    void approved(Order order, Plan plan) {
        send(order, MailTemplate.ORDER_APPROVED, plan, Map.of());
    }

    void rejected(Order order, Plan plan, String reason) {
        send(order, MailTemplate.ORDER_REJECTED, plan, Map.of("reason", reason));
    }

    /** To every enabled person of the buying organization (a sandbox has none). */
    private void send(Order order, MailTemplate template, Plan plan, Map<String, String> more) {
        if (order.getCustomerId().isEmpty()) {
            return;
        }
        Tenant tenant = entityManager.find(Tenant.class, tenantContext.requireTenantId());
        entityManager.createQuery("SELECT u FROM User u WHERE u.organization.id = :org ORDER BY u.id", User.class)
                .setParameter("org", order.getCustomerId().get()).getResultStream()
                .filter(User::isEnabled).filter(user -> !ApiKey.isMachine(user))
                .forEach(user -> {
                    java.util.Map<String, String> values = new java.util.HashMap<>(more);
                    values.put("name", user.getDisplayName());
                    values.put("order", "#" + order.getId());
                    values.put("product", plan.getProduct().getName() + " " + plan.getName());
                    mail.send(new MailRequest(user.getEmail(), template, tenant.getLocale(), values));
                });
    }
}
