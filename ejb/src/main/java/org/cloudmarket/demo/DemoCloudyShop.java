package org.cloudmarket.demo;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.cloudmarket.catalog.domain.ExtraResourceTerms;
import org.cloudmarket.catalog.domain.Plan;
import org.cloudmarket.catalog.domain.PlanTerms;
import org.cloudmarket.catalog.domain.Product;
import org.cloudmarket.identity.domain.PasswordHasher;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.ordering.domain.Coupon;
import org.cloudmarket.ordering.domain.CouponTerms;
import org.cloudmarket.pricing.Coupon.DiscountDestination;
import org.cloudmarket.pricing.ExtraResourceBilling;
import org.cloudmarket.pricing.PricingScheme;
import org.cloudmarket.pricing.Tier;
import org.cloudmarket.pricing.TierTable;
import org.cloudmarket.tenancy.domain.Organization;
import org.cloudmarket.tenancy.domain.OrganizationKind;

/**
 * What the buying walk (issue 11) needs on Cloudy's storefront, added to acme's demo at every start
 * where it is missing, so a database seeded before it gets it too: Nimbus Mail Pro with a prepaid
 * extra resource ("Mailbox storage") and orders that wait for their auditor's approval, a reusable
 * coupon of Cloudy's for Nimbus Mail, and a customer of Cloudy's who signs in there. Cloudy's price
 * list sells Mail Pro already (its default markups, DemoChannel), its IBAN is DemoBillingDetails'.
 */
@Dependent
@Transactional
class DemoCloudyShop {

    static final String CUSTOMER = "Backhaus Weber";
    static final String CUSTOMER_EMAIL = "cloudy-customer@acme.test";
    static final String COUPON = "CLOUDY-MAIL15";
    /** A vendor's price of 1.50 per 10 GB a month: 1.89 at Cloudy's (x 0.75 x 1.12 x 1.5, as the license). */
    static final String STORAGE = "storage";

    @Inject
    private EntityManager entityManager;

    @Inject
    private Clock clock;

    private final PasswordHasher passwordHasher = new PasswordHasher();

    /** The plan's orders wait for approval (its own flag, so the product's other plans sell as before); true when it did not yet. */
    static boolean requireApproval(Plan plan) {
        if (plan.isApprovalRequired()) {
            return false;
        }
        // the demo's plans have no trial length of their own (null: the product's)
        plan.apply(new PlanTerms(plan.getName(), plan.getCurrency(), plan.getLicensePrice(), plan.getSetupFee(), plan.getBillingFrequency(),
                plan.getBillingUnit(), plan.getMinimumDuration(), plan.getTrialMode(), null, plan.isTrialConverts(), plan.isAutoRenew(), true,
                plan.isSelfBilled(), plan.getPaymentMethods()));
        return true;
    }

    /** Runs as acme: true when anything was added. */
    public boolean populate() {
        Organization cloudy = entityManager.createQuery("SELECT o FROM Organization o WHERE o.kind = :kind AND o.name = :name",
                Organization.class).setParameter("kind", OrganizationKind.RESELLER).setParameter("name", "Cloudy Partners")
                .getResultStream().findFirst().orElse(null);
        Product mail = entityManager.createQuery("SELECT p FROM Product p WHERE p.slug = 'nimbus-mail'", Product.class)
                .getResultStream().findFirst().orElse(null);
        if (cloudy == null || mail == null) {
            return false;
        }
        Plan pro = mail.getPlans().stream().filter(plan -> plan.getName().equals("Pro")).findFirst().orElseThrow();
        boolean added = false;
        if (pro.getExtraResources().stream().noneMatch(resource -> resource.getCode().equals(STORAGE))) {
            pro.addExtraResource(new ExtraResourceTerms(STORAGE, "Mailbox storage", "10 GB", ExtraResourceBilling.PRE_PAID, PricingScheme.VOLUME,
                    TierTable.of(Tier.from(1, "1.50"))));
            added = true;
        }
        added |= requireApproval(pro);
        Instant now = clock.instant();
        if (entityManager.createNamedQuery(Coupon.BY_CODE, Coupon.class).setParameter("code", COUPON).getResultStream().findAny().isEmpty()) {
            entityManager.persist(Coupon.issue(cloudy, mail, null, new CouponTerms(COUPON, Coupon.Effect.PERCENT_OFF, new BigDecimal("15"),
                    null, DiscountDestination.TOTAL, null, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)), true, null)));
            added = true;
        }
        if (entityManager.createNamedQuery(User.BY_EMAIL, User.class).setParameter("email", CUSTOMER_EMAIL).getResultStream().findAny()
                .isEmpty()) {
            Organization customer = Organization.under(cloudy, OrganizationKind.CUSTOMER, CUSTOMER, now);
            entityManager.persist(customer);
            User user = new User(CUSTOMER_EMAIL, "Wiebke Weber", Role.CUSTOMER, customer, passwordHasher.hash(DemoTenants.PASSWORD), now);
            user.verifyEmail(now);
            entityManager.persist(user);
            added = true;
        }
        return added;
    }
}
