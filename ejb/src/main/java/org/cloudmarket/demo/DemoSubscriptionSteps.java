package org.cloudmarket.demo;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.cloudmarket.billing.domain.Invoice;
import org.cloudmarket.catalog.domain.Plan;
import org.cloudmarket.catalog.domain.Product;
import org.cloudmarket.identity.domain.PasswordHasher;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.payment.service.BankTransferRecording;
import org.cloudmarket.shared.tenant.TenantContext;
import org.cloudmarket.subscription.domain.Change;
import org.cloudmarket.subscription.domain.DeploymentStatus;
import org.cloudmarket.subscription.domain.Subscription;
import org.cloudmarket.subscription.service.Lifecycle;
import org.cloudmarket.tenancy.domain.BillingDetailsInput;
import org.cloudmarket.tenancy.domain.BillingDetailsRules;
import org.cloudmarket.tenancy.domain.Organization;
import org.cloudmarket.tenancy.domain.OrganizationKind;
import org.cloudmarket.tenancy.domain.Tenant;

/**
 * The small transactions DemoSubscriptions runs between its orders: finding users and plans, the
 * marketplace's own demo buyer, a bank transfer recorded as the tenant's admin (through
 * BankTransferRecording, as BankTransfers does), and a suspension through Lifecycle.
 */
@Dependent
@Transactional
class DemoSubscriptionSteps {

    static final String SUSPENDED = "invoice unpaid past its due date (demo)";

    @Inject
    private EntityManager entityManager;

    @Inject
    private BankTransferRecording bankTransfers;

    @Inject
    private Lifecycle lifecycle;

    @Inject
    private Clock clock;

    @Inject
    private TenantContext tenantContext;

    private final PasswordHasher passwordHasher = new PasswordHasher();

    public Optional<User> user(String email) {
        return entityManager.createNamedQuery(User.BY_EMAIL, User.class).setParameter("email", email).getResultStream().findFirst();
    }

    /** The marketplace's own customer that buys on its storefront, with a verified user; made once. */
    public User marketplaceBuyer(String name, String email, String person, BillingDetailsInput details) {
        return user(email).orElseGet(() -> {
            Organization customer = Organization.underTenant(OrganizationKind.CUSTOMER, name, clock.instant());
            customer.changeBillingDetails(BillingDetailsRules.customer(details));
            entityManager.persist(customer);
            User user = new User(email, person, Role.CUSTOMER, customer, passwordHasher.hash(DemoTenants.PASSWORD), clock.instant());
            user.verifyEmail(clock.instant());
            entityManager.persist(user);
            return user;
        });
    }

    public long organization(String name) {
        return entityManager.createQuery("SELECT o.id FROM Organization o WHERE o.kind = :kind AND o.name = :name", Long.class)
                .setParameter("kind", OrganizationKind.CUSTOMER).setParameter("name", name).getSingleResult();
    }

    public boolean hasSubscriptions(long customerId) {
        return entityManager.createQuery("SELECT COUNT(s) FROM Subscription s WHERE s.customerId = :customer", Long.class)
                .setParameter("customer", customerId).getSingleResult() > 0;
    }

    public long plan(String productSlug, String planName) {
        return plan(product(productSlug), planName).getId();
    }

    /** The plan's orders wait for their auditor from now on (the demo's Mail Pro of each tenant). */
    public void requireApproval(String productSlug, String planName) {
        DemoCloudyShop.requireApproval(plan(product(productSlug), planName));
    }

    /** The first invoice paid in full by bank transfer, as the tenant's admin records it: its subscriptions go live. */
    public void pay(long invoiceId, String adminEmail) {
        Invoice invoice = entityManager.find(Invoice.class, invoiceId);
        Tenant tenant = entityManager.find(Tenant.class, tenantContext.requireTenantId());
        bankTransfers.record(invoice, "DEMO " + invoice.getNumber(), LocalDate.now(clock.withZone(tenant.getTimeZone())), invoice.getTotal(),
                user(adminEmail).orElseThrow().getId());
    }

    /** The marketplace's domestic VAT rate where TaxPolicy knows none (globex is British: 20%), unless someone set one. */
    public void domesticVat(String country, String percent) {
        Tenant tenant = entityManager.find(Tenant.class, tenantContext.requireTenantId());
        if (!tenant.getSettings().containsKey("billing.vat." + country)) {
            tenant.putSetting("billing.vat." + country, percent);
        }
    }

    public void suspend(long subscriptionId) {
        lifecycle.record(entityManager.find(Subscription.class, subscriptionId), SUSPENDED, null, new Change.Status(DeploymentStatus.STOPPED));
    }

    private Product product(String slug) {
        return entityManager.createQuery("SELECT p FROM Product p WHERE p.slug = :slug", Product.class).setParameter("slug", slug)
                .getSingleResult();
    }

    private static Plan plan(Product product, String name) {
        return product.getPlans().stream().filter(plan -> plan.getName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException(product.getName() + " has no plan " + name));
    }
}
