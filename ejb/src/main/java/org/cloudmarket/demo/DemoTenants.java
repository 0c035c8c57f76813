package org.cloudmarket.demo;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cloudmarket.identity.domain.PasswordHasher;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.tenancy.domain.Branding;
import org.cloudmarket.tenancy.domain.Organization;
import org.cloudmarket.tenancy.domain.OrganizationKind;
import org.cloudmarket.tenancy.domain.Storefront;
import org.cloudmarket.tenancy.domain.StorefrontHost;
import org.cloudmarket.tenancy.domain.Tenant;

/**
 * Writes the demo tenants. Creating a tenant is platform work (no tenant bound); filling it runs
 * as that tenant. Each step checks what exists first, so a second start adds nothing.
 */
@Dependent
@Transactional
class DemoTenants {

    static final String PASSWORD = "demo";

    @Inject
    private EntityManager entityManager;

    @Inject
    private Clock clock;

    private final PasswordHasher passwordHasher = new PasswordHasher();

    /** The tenant's id, creating the tenant on the first start. */
    public long ensureTenant(String slug, String name, String currency, String zone, String locale) {
        Optional<Tenant> existing = entityManager.createNamedQuery(Tenant.BY_SLUG, Tenant.class)
                .setParameter("slug", slug).getResultStream().findFirst();
        if (existing.isPresent()) {
            return existing.get().getId();
        }
        Tenant tenant = new Tenant(slug, name, Currency.getInstance(currency), ZoneId.of(zone),
                Locale.forLanguageTag(locale), clock.instant());
        entityManager.persist(tenant);
        entityManager.flush();
        return tenant.getId();
    }

    /** Runs as the given tenant: true when the tenant was empty and got its demo content. */
    public boolean populate(long tenantId, String slug) {
        boolean empty = entityManager.createQuery("SELECT COUNT(s) FROM Storefront s", Long.class).getSingleResult() == 0;
        if (!empty) {
            return false;
        }
        switch (slug) {
            case "acme" -> populateAcme(tenantId);
            case "globex" -> populateGlobex(tenantId);
            case "platform" -> populatePlatform(tenantId);
            default -> throw new IllegalArgumentException("No demo content for " + slug);
        }
        return true;
    }

    private void populateAcme(long tenantId) {
        Instant now = clock.instant();
        storefront(tenantId, null, "Acme Cloud Marketplace", "Software for every team, billed the way you work",
                Branding.of("saga-blue", "#0b5cad", "#ff8f00", "Inter"), "en", "EUR", "acme.localhost");

        Organization vendor = persist(Organization.underTenant(OrganizationKind.VENDOR, "Nimbus Software", now));
        Organization distributor = persist(Organization.underTenant(OrganizationKind.DISTRIBUTOR, "Alpine Distribution", now));
        Organization reseller = persist(Organization.under(distributor, OrganizationKind.RESELLER, "Bright IT Reseller", now));
        Organization customer = persist(Organization.under(reseller, OrganizationKind.CUSTOMER, "Rossi Costruzioni", now));
        storefront(tenantId, reseller, "Bright Cloud Store", "Your IT partner, in the cloud",
                Branding.of("bootstrap4-purple-light", "#6a1b9a", "#00bfa5", "Lato"), "it", "EUR", "reseller.acme.localhost");

        user("admin@acme.test", "Ada Admin", Role.ADMIN, null);
        user("supervisor@acme.test", "Sam Supervisor", Role.SUPERVISOR, null);
        user("vendor@acme.test", "Vera Vendor", Role.VENDOR, vendor);
        user("distributor@acme.test", "Dario Distributor", Role.DISTRIBUTOR, distributor);
        user("reseller@acme.test", "Rita Reseller", Role.RESELLER, reseller);
        user("customer@acme.test", "Carlo Customer", Role.CUSTOMER, customer);
    }

    private void populateGlobex(long tenantId) {
        Instant now = clock.instant();
        storefront(tenantId, null, "Globex Exchange", "The software exchange for growing companies",
                Branding.of("vela-blue", "#1b5e20", "#ffd600", "Roboto"), "en", "USD", "globex.localhost");
        Organization customer = persist(Organization.underTenant(OrganizationKind.CUSTOMER, "Initech", now));
        user("admin@globex.test", "Gloria Admin", Role.ADMIN, null);
        user("customer@globex.test", "Gus Customer", Role.CUSTOMER, customer);
    }

    private void populatePlatform(long tenantId) {
        storefront(tenantId, null, "Cloudmarket Platform", "Platform operations",
                Branding.of("arya-blue", "#263238", "#40c4ff", "Helvetica"), "en", "EUR", "platform.localhost");
        user("superadmin@platform.test", "Paula Platform", Role.SUPER_ADMIN, null);
    }

    /**
     * The demo's users have verified e-mails (they buy in the demo): at every start, those of the
     * tenant's demo domain that are not yet, so a database seeded before verification existed gets
     * them too. Runs as the tenant; true when any was marked.
     */
    public boolean verifyDemoUsers(String slug) {
        Instant now = clock.instant();
        List<User> unverified = entityManager.createQuery("SELECT u FROM User u WHERE u.email LIKE :domain", User.class)
                .setParameter("domain", "%@" + slug + ".test").getResultStream().filter(user -> !user.isEmailVerified()).toList();
        unverified.forEach(user -> user.verifyEmail(now));
        return !unverified.isEmpty();
    }

    private void storefront(long tenantId, Organization owner, String name, String tagline, Branding branding,
                            String locale, String currency, String host) {
        Storefront storefront = persist(new Storefront(owner, name, branding, tagline, Locale.forLanguageTag(locale),
                Currency.getInstance(currency), clock.instant()));
        entityManager.flush();
        entityManager.persist(new StorefrontHost(host, tenantId, storefront.getId()));
    }

    private void user(String email, String name, Role role, Organization organization) {
        persist(new User(email, name, role, organization, passwordHasher.hash(PASSWORD), clock.instant()));
    }

    private <T> T persist(T entity) {
        entityManager.persist(entity);
        return entity;
    }
}
