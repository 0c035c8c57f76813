package org.cloudmarket.metering.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.cloudmarket.catalog.domain.Metric;
import org.cloudmarket.catalog.domain.Plan;
import org.cloudmarket.identity.domain.ApiKey;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.messaging.service.Mail;
import org.cloudmarket.messaging.service.MailRequest;
import org.cloudmarket.messaging.service.MailTemplate;
import org.cloudmarket.messaging.service.Notifications;
import org.cloudmarket.shared.tenant.TenantContext;
import org.cloudmarket.subscription.domain.Subscription;
import org.cloudmarket.tenancy.domain.Organization;
import org.cloudmarket.tenancy.domain.Storefront;
import org.cloudmarket.tenancy.domain.Tenant;
import org.cloudmarket.tenancy.service.HostDirectory;

/**
 * Tells the customer of a subscription that a quota is nearly used (QUOTA_WARNING) or blocked it (QUOTA_BLOCKED): one
 * in-app message to its organization and a mail to each of its enabled people, linking the subscription's page on the
 * customer's store, where the upgrade is ordered. Inside the caller's transaction, like every message and mail.
 */
@Dependent
class QuotaMails {

    /** The customer's subscription page (web: account/subscriptions.xhtml), which offers the plan and quantity changes. */
    static final String PAGE = "/account/subscriptions.xhtml?subscription=";
    private static final int SUBJECT_LENGTH = 200;

    @Inject
    private EntityManager entityManager;

    @Inject
    private Mail mail;

    @Inject
    private Notifications notifications;

    @Inject
    private TenantContext tenantContext;

    @Inject
    private HostDirectory hostDirectory;

    void warning(Subscription subscription, Metric metric, BigDecimal percent, org.cloudmarket.metering.domain.MeteringSettings.Quota quota) {
        String used = percent.stripTrailingZeros().toPlainString() + " %";
        String limit = quota.limit().stripTrailingZeros().toPlainString() + " " + metric.getUnit();
        tell(subscription, MailTemplate.QUOTA_WARNING, "Quota nearly used: " + metric.getName(),
                metric.getName() + " has used " + used + " of its quota of " + limit + " in this period. Upgrade the subscription to keep room.",
                Map.of("metric", metric.getName(), "percent", used, "quota", limit));
    }

    void blocked(Subscription subscription, Metric metric, org.cloudmarket.metering.domain.MeteringSettings.Quota quota) {
        String limit = quota.limit().stripTrailingZeros().toPlainString() + " " + metric.getUnit();
        tell(subscription, MailTemplate.QUOTA_BLOCKED, "Quota reached: " + metric.getName(),
                metric.getName() + " reached its quota of " + limit + ": the subscription is suspended until it is upgraded.",
                Map.of("metric", metric.getName(), "quota", limit));
    }

    private void tell(Subscription subscription, MailTemplate template, String subject, String body, Map<String, String> more) {
        if (subscription.getCustomerId().isEmpty()) {
            return; // a sandbox: nobody to tell
        }
        Organization customer = entityManager.find(Organization.class, subscription.getCustomerId().get());
        Plan plan = entityManager.find(Plan.class, subscription.getPlanId());
        String product = plan.getProduct().getName() + " " + plan.getName();
        String link = storeOrigin(subscription) + PAGE + subscription.getId();
        String heading = subject + " (" + product + ")";
        // message.subject holds 200 characters; long product and metric names are cut, the body says it all
        notifications.send(customer, heading.length() > SUBJECT_LENGTH ? heading.substring(0, SUBJECT_LENGTH - 1) + "\u2026" : heading,
                body + " " + link);
        Tenant tenant = entityManager.find(Tenant.class, tenantContext.requireTenantId());
        entityManager.createQuery("SELECT u FROM User u WHERE u.organization.id = :org ORDER BY u.id", User.class)
                .setParameter("org", customer.getId()).getResultStream()
                .filter(User::isEnabled).filter(user -> !ApiKey.isMachine(user))
                .forEach(user -> {
                    Map<String, String> values = new HashMap<>(more);
                    values.put("name", user.getDisplayName());
                    values.put("product", product);
                    values.put("link", link);
                    mail.send(new MailRequest(user.getEmail(), template, tenant.getLocale(), values));
                });
    }

    /**
     * The customer's store (the storefront it bought on, else the marketplace's), reached with the scheme and port of
     * the current request when there is one (a reading pushed over the API), else over https (the fold timer).
     */
    String storeOrigin(Subscription subscription) {
        Tenant tenant = entityManager.find(Tenant.class, tenantContext.requireTenantId());
        Optional<Long> marketplace = entityManager.createNamedQuery(Storefront.OF_MARKETPLACE, Storefront.class)
                .getResultStream().findFirst().map(Storefront::getId);
        Optional<Long> storefront = subscription.getStorefrontId().or(() -> marketplace);
        // a storefront without a host falls back to the marketplace's; a tenant without any host gets a relative link
        Optional<String> found = storefront.flatMap(id -> hostDirectory.hostOf(tenant.getId(), tenant.getSlug(), id))
                .or(() -> marketplace.flatMap(id -> hostDirectory.hostOf(tenant.getId(), tenant.getSlug(), id)));
        if (found.isEmpty()) {
            return "";
        }
        String host = found.get();
        Optional<URI> origin = tenantContext.origin().map(URI::create);
        return origin.map(URI::getScheme).orElse("https") + "://" + host + origin.filter(uri -> uri.getPort() >= 0).map(uri -> ":" + uri.getPort()).orElse("");
    }
}
