package org.cloudmarket.demo;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.cloudmarket.shared.tenant.TenantContext;

/**
 * Seeds each demo tenant in its own transactions (creating a tenant is platform work; filling it
 * runs as the tenant), then prints where to go and how to sign in. Called by {@link DemoData} only,
 * outside any transaction: each step it calls is a transaction of its own. None of the demo classes
 * is an EJB or visible outside this package, so no request can reach them.
 */
@Dependent
class DemoSeeder {

    private static final Logger LOG = Logger.getLogger(DemoSeeder.class.getName());

    private record DemoTenant(String slug, String name, String currency, String zone, String locale) {
    }

    private static final List<DemoTenant> TENANTS = List.of(
            new DemoTenant("platform", "Cloudmarket Platform", "EUR", "UTC", "en"),
            new DemoTenant("acme", "Acme Cloud Marketplace", "EUR", "Europe/Rome", "en"),
            new DemoTenant("globex", "Globex Exchange", "USD", "America/New_York", "en"));

    private static final Map<String, DemoCatalog.Names> CATALOGS = Map.of(
            "acme", new DemoCatalog.Names("Nimbus Software", "Nimbus", "vendor@acme.test", "Orbit Labs", "Orbit", "vendor2@acme.test",
                    "Quanta Apps", "vendor3@acme.test"),
            "globex", new DemoCatalog.Names("Hooli Cloud", "Hooli", "vendor@globex.test", "Vandelay Industries", "Vandelay",
                    "vendor2@globex.test", null, null));

    @Inject
    private DemoTenants demoTenants;

    @Inject
    private DemoCatalog demoCatalog;

    @Inject
    private DemoChannel demoChannel;

    @Inject
    private DemoBillingDetails demoBillingDetails;

    @Inject
    private DemoCloudyShop demoCloudyShop;

    @Inject
    private DemoMetering demoMetering;

    @Inject
    private DemoSubscriptions demoSubscriptions;

    @Inject
    private TenantContext tenantContext;

    /**
     * Where the demo's mail is read: the run profile's GreenMail (ear/pom.xml) catches every mail
     * the server sends to its default SMTP server, localhost:3025. Otherwise (SMTP_HOST names a
     * real server; the tests' server, whose mail MailCatcher reads) only where it goes.
     */
    private static String mailLines() {
        if (!"GreenMail".equals(System.getProperty("cloudmarket.demo.mail"))) {
            return "  demo mail            sent to SMTP_HOST:SMTP_PORT (default localhost:3025)";
        }
        return String.join(System.lineSeparator(),
                "  demo mail            caught by GreenMail, for every address:",
                "    http://127.0.0.1:8025/api/user/<address>/messages/  (JSON, e.g. .../api/user/customer@acme.test/messages/)",
                "    or IMAP 127.0.0.1:3143, login: the address, any password");
    }

    /** The tenant context lives for the whole seeding, whatever context the deployment started it in. */
    @ActivateRequestContext
    public void seed() {
        for (DemoTenant spec : TENANTS) {
            long tenantId = demoTenants.ensureTenant(spec.slug(), spec.name(), spec.currency(), spec.zone(), spec.locale());
            boolean seeded = tenantContext.callAs(tenantId, () -> demoTenants.populate(tenantId, spec.slug()));
            LOG.info(() -> "Demo tenant " + spec.slug() + (seeded ? " seeded" : " already present"));
            DemoCatalog.Names catalog = CATALOGS.get(spec.slug());
            if (catalog != null) {
                boolean filled = tenantContext.callAs(tenantId,
                        () -> demoCatalog.populate("admin@" + spec.slug() + ".test", spec.currency(), catalog));
                LOG.info(() -> "Demo catalog of " + spec.slug() + (filled ? " seeded" : " already present"));
                boolean metered = tenantContext.callAs(tenantId, () -> demoMetering.populate(catalog));
                LOG.info(() -> "Demo metering of " + spec.slug() + (metered ? " added" : " already present"));
            }
            if (spec.slug().equals("acme")) {
                boolean channel = tenantContext.callAs(tenantId, () -> demoChannel.populateAcme(tenantId));
                LOG.info(() -> "Demo channel of acme" + (channel ? " seeded" : " already present"));
                boolean shop = tenantContext.callAs(tenantId, () -> demoCloudyShop.populate());
                LOG.info(() -> "Demo buying walk on Cloudy's shop" + (shop ? " prepared" : " already present"));
            }
            boolean verified = tenantContext.callAs(tenantId, () -> demoTenants.verifyDemoUsers(spec.slug()));
            LOG.info(() -> "Demo users of " + spec.slug() + (verified ? " marked verified" : " already verified"));
            boolean billing = tenantContext.callAs(tenantId, () -> demoBillingDetails.fill(spec.slug()));
            LOG.info(() -> "Demo billing details of " + spec.slug() + (billing ? " filled" : " already present"));
            if (spec.slug().equals("globex")) {
                tenantContext.callAs(tenantId, () -> {
                    demoChannel.brandGlobex();
                    return null;
                });
            }
            if (catalog != null) {
                boolean bought = demoSubscriptions.populate(tenantId, spec.slug());
                LOG.info(() -> "Demo subscriptions of " + spec.slug() + (bought ? " bought" : " already present"));
            }
        }
        String port = System.getProperty("jboss.http.port", "8080");
        LOG.info(String.join(System.lineSeparator(),
                "",
                "==================== Cloudmarket is running ====================",
                "  acme storefront      http://acme.localhost:" + port + "/",
                "  acme reseller store  http://reseller.acme.localhost:" + port + "/",
                "  2nd reseller store   http://cloudy.acme.localhost:" + port + "/",
                "  globex storefront    http://globex.localhost:" + port + "/",
                "  back-office          http://acme.localhost:" + port + "/backoffice/  (same path on every host)",
                "  REST API             http://acme.localhost:" + port + "/api/v1/",
                "  demo logins (password: " + DemoTenants.PASSWORD + ")",
                "    acme:     admin@acme.test, supervisor@acme.test, vendor@acme.test (Nimbus Software),",
                "              vendor2@acme.test (Orbit Labs), vendor3@acme.test (Quanta Apps, not yet approved),",
                "              distributor@acme.test, distributor2@acme.test, reseller@acme.test,",
                "              reseller2@acme.test, customer@acme.test, " + DemoSubscriptions.ACME_BUYER + " (Studio Bianchi),",
                "              " + DemoCloudyShop.CUSTOMER_EMAIL + " (" + DemoCloudyShop.CUSTOMER + ", a customer of Cloudy Partners:"
                        + " signs in at cloudy.acme.localhost)",
                "    globex:   admin@globex.test, vendor@globex.test, vendor2@globex.test, customer@globex.test,"
                        + " " + DemoSubscriptions.GLOBEX_BUYER + " (Pied Piper)",
                "    platform: superadmin@platform.test at http://platform.localhost:" + port + "/",
                "  buying demo          Nimbus Mail Pro waits for approval (the reseller's, reseller2@acme.test, on Cloudy's shop)",
                "                       and has a prepaid extra resource, Mailbox storage; coupon " + DemoCloudyShop.COUPON
                        + " (15% off Nimbus Mail at Cloudy's)",
                DemoSubscriptions.bannerLines(),
                mailLines(),
                "================================================================"));
    }
}
