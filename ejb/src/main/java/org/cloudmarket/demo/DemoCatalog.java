package org.cloudmarket.demo;

import static org.cloudmarket.pricing.ExtraResourceBilling.PRE_PAID;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cloudmarket.catalog.domain.BundleItem;
import org.cloudmarket.catalog.domain.Category;
import org.cloudmarket.catalog.domain.Decision;
import org.cloudmarket.catalog.domain.ExtraResourceTerms;
import org.cloudmarket.catalog.domain.MetricTerms;
import org.cloudmarket.catalog.domain.PaymentMethod;
import org.cloudmarket.catalog.domain.Plan;
import org.cloudmarket.catalog.domain.PlanTerms;
import org.cloudmarket.catalog.domain.Product;
import org.cloudmarket.catalog.domain.ProductDetails;
import org.cloudmarket.catalog.domain.ProductKind;
import org.cloudmarket.catalog.domain.Slugs;
import org.cloudmarket.catalog.domain.VendorRegistration;
import org.cloudmarket.identity.domain.PasswordHasher;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.ordering.domain.Coupon;
import org.cloudmarket.pricing.BillingUnit;
import org.cloudmarket.pricing.Coupon.DiscountDestination;
import org.cloudmarket.pricing.MetricPricing.Aggregation;
import org.cloudmarket.pricing.MetricPricing.Kind;
import org.cloudmarket.pricing.PricingScheme;
import org.cloudmarket.pricing.Tier;
import org.cloudmarket.pricing.TierTable;
import org.cloudmarket.shared.money.Money;
import org.cloudmarket.tenancy.domain.Organization;
import org.cloudmarket.tenancy.domain.OrganizationKind;

/**
 * The demo catalog of a tenant: two approved vendors, thirteen published products covering every
 * pricing scheme, an hourly plan, metered plans and a bundle, plus a draft and a submitted product
 * so that the approval queue and the vendors' own lists have something in them. Runs as the
 * tenant, once: it does nothing when the tenant already has products.
 */
@Dependent
@Transactional
class DemoCatalog {

    /** 1-9 at 5.00 and 10+ at 3.00 a unit: DOMAIN.md's example, 15 units = 63 / 45. */
    static final TierTable UNIT_TIERS = TierTable.of(Tier.between(1, 9, "5.00"), Tier.from(10, "3.00"));
    /** 1-9 for 30.00 and 10+ for 100.00 flat: 15 units = 100 stairstep. */
    static final TierTable FLAT_TIERS = TierTable.of(Tier.between(1, 9, "30.00"), Tier.from(10, "100.00"));

    /** The names that make one tenant's catalog differ from another's. */
    record Names(String vendorA, String brandA, String vendorAEmail, String vendorB, String brandB, String vendorBEmail,
                 String newVendor, String newVendorEmail) {
    }

    @Inject
    private EntityManager entityManager;

    @Inject
    private Clock clock;

    private final PasswordHasher passwordHasher = new PasswordHasher();

    public boolean populate(String adminEmail, String currencyCode, Names names) {
        if (entityManager.createQuery("SELECT COUNT(p) FROM Product p", Long.class).getSingleResult() > 0) {
            return false;
        }
        Instant now = clock.instant();
        User admin = entityManager.createNamedQuery(User.BY_EMAIL, User.class).setParameter("email", adminEmail).getSingleResult();
        Currency currency = Currency.getInstance(currencyCode);
        Map<String, Category> categories = categories();
        Organization vendorA = vendor(names.vendorA(), names.vendorAEmail(), admin, now);
        Organization vendorB = vendor(names.vendorB(), names.vendorBEmail(), admin, now);
        Seeder a = new Seeder(vendorA, admin, currency, categories, now);
        Seeder b = new Seeder(vendorB, admin, currency, categories, now);
        String brandA = names.brandA();
        String brandB = names.brandB();

        Product backup = a.product(brandA + " Backup", "Encrypted off-site backup with storage you size yourself", "backup-storage",
                14, "backup,storage,encryption");
        a.plan(backup, "Tiered storage", "0.00", "0.00", 1, BillingUnit.MONTHS, 1, true)
                .addExtraResource(new ExtraResourceTerms("storage", "Storage", "TB", PRE_PAID, PricingScheme.TIERED, UNIT_TIERS));
        a.plan(backup, "Volume storage", "0.00", "0.00", 1, BillingUnit.MONTHS, 1, true)
                .addExtraResource(new ExtraResourceTerms("storage", "Storage", "TB", PRE_PAID, PricingScheme.VOLUME, UNIT_TIERS));
        a.plan(backup, "Stairstep storage", "0.00", "0.00", 1, BillingUnit.MONTHS, 1, true)
                .addExtraResource(new ExtraResourceTerms("storage", "Storage", "TB", PRE_PAID, PricingScheme.STAIRSTEP, FLAT_TIERS));
        a.publish(backup);

        Product desk = a.product(brandA + " Desk", "Help desk billed by the users who actually use it", "productivity", 30,
                "helpdesk,support,tickets");
        a.plan(desk, "Pay per user", "0.00", "0.00", 1, BillingUnit.MONTHS, 1, true).addMetric(new MetricTerms("users", "Users",
                "users", Kind.GAUGE, Aggregation.AVERAGE, BigDecimal.ZERO, new BigDecimal("2.00"), null, null));
        a.plan(desk, "Team", "49.00", "0.00", 1, BillingUnit.MONTHS, 1, true).addMetric(new MetricTerms("tickets", "Tickets",
                "tickets", Kind.COUNTER, Aggregation.INCREASE, new BigDecimal("1000"), new BigDecimal("0.05"), null, null));
        a.publish(desk);

        Product mail = a.product(brandA + " Mail", "Business e-mail with shared calendars", "communication", 0, "email,calendar");
        Plan mailPro = a.plan(mail, "Pro", "8.00", "20.00", 1, BillingUnit.MONTHS, 1, false);
        a.plan(mail, "Basic", "4.00", "0.00", 1, BillingUnit.MONTHS, 1, false);
        a.plan(mail, "Pro yearly", "80.00", "0.00", 12, BillingUnit.MONTHS, 12, false);
        a.publish(mail);

        Product drive = a.product(brandA + " Drive", "File sync and share for teams", "backup-storage", 14, "files,sync,share");
        Plan driveBusiness = a.plan(drive, "Business", "12.00", "0.00", 1, BillingUnit.MONTHS, 1, true);
        driveBusiness.addExtraResource(new ExtraResourceTerms("seats", "Extra seats", "seats", PRE_PAID, PricingScheme.VOLUME,
                TierTable.of(Tier.between(1, 49, "6.00"), Tier.from(50, "4.50"))));
        a.publish(drive);

        Product sandbox = a.product(brandA + " Sandbox", "Disposable test environments, billed by the hour", "developer-tools", 0,
                "testing,environments,hourly");
        a.plan(sandbox, "Hourly", "0.50", "0.00", 1, BillingUnit.HOURS, 24, false); // its metered vCPU: DemoMetering
        a.publish(sandbox);

        Product monitor = a.product(brandA + " Monitor", "Uptime and performance checks from five continents", "developer-tools", 14,
                "monitoring,uptime");
        a.plan(monitor, "Standard", "29.00", "0.00", 1, BillingUnit.MONTHS, 1, true).addMetric(new MetricTerms("checks",
                "Monitored endpoints", "endpoints", Kind.GAUGE, Aggregation.PEAK, new BigDecimal("10"), null, PricingScheme.STAIRSTEP,
                TierTable.of(Tier.between(1, 10, "15.00"), Tier.between(11, 50, "50.00"), Tier.from(51, "120.00"))));
        a.publish(monitor);

        Product suite = a.product(brandA + " Suite", "Mail and Drive together, for less", "productivity", 0, "bundle,email,files");
        Plan suitePlan = a.bundlePlan(suite, "Business suite");
        suitePlan.composeOf(List.of(new BundleItem.Component(mailPro, new BigDecimal("10")),
                new BundleItem.Component(driveBusiness, new BigDecimal("20"))));
        a.publish(suite);

        Product vault = a.product(brandA + " Vault", "Password manager for teams", "security", 14, "passwords,security");
        a.plan(vault, "Team", "3.00", "0.00", 1, BillingUnit.MONTHS, 1, true);
        vault.submit(now); // waits in the approval queue

        Product crm = b.product(brandB + " CRM", "Pipeline, contacts and deals in one place", "sales", 30, "crm,sales,pipeline");
        b.plan(crm, "Starter", "15.00", "0.00", 1, BillingUnit.MONTHS, 1, true);
        b.plan(crm, "Growth", "39.00", "99.00", 1, BillingUnit.MONTHS, 3, true)
                .addExtraResource(new ExtraResourceTerms("contacts", "Contacts", "thousand contacts", PRE_PAID, PricingScheme.STAIRSTEP,
                        TierTable.of(Tier.between(1, 5, "10.00"), Tier.between(6, 20, "30.00"), Tier.from(21, "60.00"))));
        b.publish(crm);

        Product invoicing = b.product(brandB + " Invoicing", "Quotes, invoices and reminders that get you paid", "finance", 0,
                "invoices,accounting");
        b.plan(invoicing, "Standard", "9.00", "0.00", 1, BillingUnit.MONTHS, 1, false);
        b.publish(invoicing);

        Product analytics = b.product(brandB + " Analytics", "Product analytics without sampling", "analytics", 14, "analytics,events");
        b.plan(analytics, "Pro", "59.00", "199.00", 1, BillingUnit.MONTHS, 1, true).addMetric(new MetricTerms("events", "Events",
                "thousand events", Kind.COUNTER, Aggregation.INCREASE, new BigDecimal("100"), null, PricingScheme.TIERED,
                TierTable.of(Tier.between(1, 1000, "0.20"), Tier.from(1001, "0.10"))));
        b.publish(analytics);

        Product forms = b.product(brandB + " Forms", "Online forms and surveys", "productivity", 0, "forms,surveys");
        b.plan(forms, "Free", "0.00", "0.00", 1, BillingUnit.MONTHS, 1, false);
        b.plan(forms, "Pro", "5.00", "0.00", 1, BillingUnit.MONTHS, 1, false);
        b.publish(forms);

        Product chat = b.product(brandB + " Chat", "Team chat with channels and video calls", "communication", 14, "chat,video");
        b.plan(chat, "Per seat", "0.00", "0.00", 1, BillingUnit.MONTHS, 1, true)
                .addExtraResource(new ExtraResourceTerms("seats", "Seats", "seats", PRE_PAID, PricingScheme.TIERED,
                        TierTable.of(Tier.between(1, 10, "4.00"), Tier.between(11, 100, "3.00"), Tier.from(101, "2.00"))));
        b.publish(chat);

        Product projects = b.product(brandB + " Projects", "Boards, timelines and time tracking", "productivity", 14,
                "projects,kanban");
        b.plan(projects, "Team", "19.00", "0.00", 1, BillingUnit.MONTHS, 1, true);
        b.publish(projects);

        Product signals = b.product(brandB + " Signals", "Alerting for sales teams (coming soon)", "sales", 0, "alerts");
        b.plan(signals, "Beta", "1.00", "0.00", 1, BillingUnit.MONTHS, 1, false); // stays a draft

        if (names.newVendor() != null) { // has not applied yet: the onboarding walk starts here
            Organization newcomer = Organization.underTenant(OrganizationKind.VENDOR, names.newVendor(), now);
            entityManager.persist(newcomer);
            entityManager.persist(new User(names.newVendorEmail(), names.newVendor() + " Team", Role.VENDOR, newcomer,
                    passwordHasher.hash(DemoTenants.PASSWORD), now));
        }
        entityManager.persist(Coupon.percentOff("WELCOME10", null, BigDecimal.TEN, DiscountDestination.TOTAL,
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650))));
        entityManager.persist(Coupon.priceOverride("PARTNER-CRM", crm.getPlans().get(0), new Money(new BigDecimal("10.00"), currency),
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650))));
        return true;
    }

    private Map<String, Category> categories() {
        Map<String, Category> categories = new HashMap<>();
        List<String> names = List.of("Backup & Storage", "Productivity", "Communication", "Developer Tools", "Security", "Sales",
                "Finance", "Analytics");
        for (int i = 0; i < names.size(); i++) {
            Category category = new Category(names.get(i), i);
            entityManager.persist(category);
            categories.put(category.getSlug(), category);
        }
        return categories;
    }

    /** An approved vendor with a user to sign in with. */
    private Organization vendor(String name, String userEmail, User admin, Instant now) {
        Organization vendor = entityManager.createQuery("SELECT o FROM Organization o WHERE o.kind = :kind AND o.name = :name",
                        Organization.class).setParameter("kind", OrganizationKind.VENDOR).setParameter("name", name)
                .getResultStream().findFirst().orElseGet(() -> {
                    Organization created = Organization.underTenant(OrganizationKind.VENDOR, name, now);
                    entityManager.persist(created);
                    return created;
                });
        boolean hasUser = entityManager.createNamedQuery(User.BY_EMAIL, User.class).setParameter("email", userEmail)
                .getResultStream().findAny().isPresent();
        if (!hasUser) {
            entityManager.persist(new User(userEmail, name + " Team", Role.VENDOR, vendor, passwordHasher.hash(DemoTenants.PASSWORD), now));
        }
        VendorRegistration registration = new VendorRegistration(vendor, now);
        registration.decide(true, now);
        entityManager.persist(registration);
        entityManager.flush();
        entityManager.persist(new Decision(Decision.Subject.VENDOR, registration.getId(), Decision.Outcome.APPROVED,
                "Demo vendor", admin, now));
        return vendor;
    }

    /** Builds one vendor's products through the same domain methods the services use. */
    private final class Seeder {

        private final Organization vendor;
        private final User admin;
        private final Currency currency;
        private final Map<String, Category> categories;
        private final Instant now;

        Seeder(Organization vendor, User admin, Currency currency, Map<String, Category> categories, Instant now) {
            this.vendor = vendor;
            this.admin = admin;
            this.currency = currency;
            this.categories = categories;
            this.now = now;
        }

        Product product(String name, String summary, String category, int trialDays, String tags) {
            ProductKind kind = tags.startsWith("bundle") ? ProductKind.BUNDLE : ProductKind.STANDARD;
            Product product = new Product(vendor, kind, Slugs.of(name), now);
            product.describe(new ProductDetails(name, summary, summary + ". " + name + " is a demo product of " + vendor.getName()
                            + ": every price and plan is real to the platform, the software is not.", null,
                    List.of(tags.split(",")), null, "Standard terms of " + vendor.getName() + ".",
                    "Privacy policy of " + vendor.getName() + ".", trialDays), categories.get(category), now);
            entityManager.persist(product);
            return product;
        }

        Plan plan(Product product, String name, String license, String setupFee, int frequency, BillingUnit unit, int minimum,
                  boolean trial) {
            return product.addPlan(new PlanTerms(name, currency, new BigDecimal(license), new BigDecimal(setupFee), frequency, unit,
                    minimum, trial, false, false, EnumSet.allOf(PaymentMethod.class)), now);
        }

        Plan bundlePlan(Product bundle, String name) {
            return plan(bundle, name, "0.00", "0.00", 1, BillingUnit.MONTHS, 1, false);
        }

        void publish(Product product) {
            entityManager.flush();
            product.submit(now);
            product.approve(now);
            entityManager.persist(new Decision(Decision.Subject.PRODUCT, product.getId(), Decision.Outcome.APPROVED, "Demo product",
                    admin, now));
            product.publish(now);
        }
    }
}
