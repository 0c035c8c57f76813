package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The usage pages of issue 12 over HTTP with a signed-in session, as a browser fetches them: the customer's dashboard
 * of a Nimbus Desk "Pay per user" subscription (2.00 EUR per user, averaged over the period's 720 hours) shows its
 * chart points, the measure so far, its estimated cost and its quota; another customer of acme and globex's customer
 * get "not found"; the vendor's back-office lists the subscription's reading and a refused one with its reason, and
 * another vendor's does not. The vendor sends the readings through POST /api/v1/usage; the dashboard folds them.
 */
class UsagePagesIT extends EarIT {

    private static final String HOST = "acme.localhost";
    private static final String NOT_FOUND = "No such subscription.";

    private final Http acme = Http.host(HOST);
    private final String suffix = Unique.suffix();
    private Buyer owner;
    private long subscription;
    private String metric;
    private String quotaBefore;

    @BeforeEach
    void aMeteredSubscriptionWithOneHourOf360Users() {
        metric = SubscriptionFixtures.one("SELECT m.id FROM metric m JOIN plan p ON p.id = m.plan_id JOIN product r ON r.id = p.product_id"
                + " WHERE r.tenant_id = (SELECT id FROM tenant WHERE slug = 'acme') AND r.name = 'Nimbus Desk' AND p.name = 'Pay per user'"
                + " AND m.code = 'users'");
        quotaBefore = TestDatabase.query("SELECT quota FROM metric WHERE id = ?", metric).get(0);
        TestDatabase.update("UPDATE metric SET quota = 1000 WHERE id = ?", metric);
        // the customer's creation is a write of acme's: the server drops its cached rows of acme, the metric's among them
        owner = Buyer.newCustomer("admin@acme.test", acme, "Usage");
        subscription = deskSubscription(owner.id());
        // three hours ago 360 users for an hour, then none: 360 user-hours of 720, an average of 0.5 users whatever the hour now
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));
        HttpResponse<String> sent = acme.postJson("/api/v1/usage", """
                {"readings": [
                  {"id": "usage-pages-%1$s-1", "subscriptionId": %2$d, "metric": "users", "value": 360, "at": "%3$s"},
                  {"id": "usage-pages-%1$s-2", "subscriptionId": %2$d, "metric": "users", "value": 0, "at": "%4$s"},
                  {"id": "refused-%1$s", "subscriptionId": %2$d, "metric": "users", "value": -5, "at": "%3$s"}]}"""
                .formatted(suffix, subscription, hour, hour.plus(Duration.ofHours(1))), Http.bearer(acme.token("vendor@acme.test", "demo")));
        assertThat(sent.statusCode()).as("%s", sent.body()).isEqualTo(200);
        assertThat(Http.json(sent).get("results").findValuesAsText("status")).as("%s", sent.body())
                .containsExactly("ACCEPTED", "ACCEPTED", "REFUSED");
        assertThat(Http.json(sent).get("results").get(2).get("code").asText()).isEqualTo("NEGATIVE_VALUE");
    }

    @AfterEach
    void restoreTheDemoMetric() {
        TestDatabase.update("UPDATE metric SET quota = ? WHERE id = ?", quotaBefore, metric);
        Buyer.newCustomer("admin@acme.test", acme, "Usage"); // a write of acme's again: no cached quota outlives the test
    }

    @Test
    void theCustomerSeesItsChartMeasureEstimatedCostAndQuota() {
        String page = page(HOST, owner.email(), "/account/usage.xhtml?subscription=" + subscription);

        assertThat(page).contains("Nimbus Desk").doesNotContain(NOT_FOUND);
        assertThat(page).contains("class=\"usage-measured\" data-value=\"0.5");
        assertThat(page).contains("class=\"usage-cost\" data-amount=\"1.00\" data-currency=\"EUR\"");
        assertThat(page).contains("class=\"usage-quota\" data-percent=\"36.00\"");
        assertThat(page).contains("ui-chart usage-hourly").contains("ui-chart usage-daily");
        assertThat(page).as("the hour of 360 users among the chart's points").containsPattern("\"data\":\\[[0-9,]*\\b360\\b[0-9,]*]");
        assertThat(page).doesNotContain("usage-empty");

        String list = page(HOST, owner.email(), "/account/subscriptions.xhtml");
        assertThat(list).contains("/account/usage.xhtml?subscription=" + subscription);
    }

    @Test
    void anotherCustomerOfTheMarketplaceAndGlobexCustomerGetNotFound() {
        Buyer other = Buyer.newCustomer("admin@acme.test", acme, "Usage");
        String theirs = page(HOST, other.email(), "/account/usage.xhtml?subscription=" + subscription);
        String globex = page("globex.localhost", "customer@globex.test", "/account/usage.xhtml?subscription=" + subscription);

        for (String page : new String[] {theirs, globex}) {
            assertThat(page).contains(NOT_FOUND).doesNotContain("Nimbus Desk").doesNotContain("usage-cost").doesNotContain("ui-chart");
        }
    }

    @Test
    void theTenantStaffSeeTheDashboardToo() {
        String page = page(HOST, "admin@acme.test", "/account/usage.xhtml?subscription=" + subscription);

        assertThat(page).contains("class=\"usage-cost\" data-amount=\"1.00\"").doesNotContain(NOT_FOUND);
    }

    @Test
    void theVendorListsItsReadingAndRefusalWithTheReasonAndAnotherVendorDoesNot() {
        String path = "/backoffice/usage.xhtml?subscription=" + subscription;
        String vendor = page(HOST, "vendor@acme.test", path);
        String otherVendor = page(HOST, "vendor2@acme.test", path);
        String admin = page(HOST, "admin@acme.test", path);

        assertThat(vendor).contains("id=\"usageLink\"");
        assertThat(vendor).contains("<span class=\"reading-subscription\">" + subscription + "</span>")
                .contains("<span class=\"reading-value\">360</span>")
                .contains("NEGATIVE_VALUE").contains("value is not negative").contains("refused-" + suffix);
        assertThat(vendor).as("a vendor does not see the buyer").doesNotContain("Usage " + owner.email().replaceAll("usage-([^@]+)@.*", "$1"));
        assertThat(otherVendor).doesNotContain("reading-subscription").doesNotContain(suffix);
        assertThat(admin).contains("refused-" + suffix).contains("<span class=\"reading-value\">360</span>");
        assertThat(page(HOST, owner.email(), path)).as("a customer has no usage desk").doesNotContain(suffix);
    }

    /** The page as {@code email} sees it, signed in afresh (a client of its own: no session of an earlier sign-in). */
    private static String page(String host, String email, String path) {
        Http http = Http.host(host);
        String session = WebSessionIT.signIn(http, email, "demo", true);
        HttpResponse<String> response = http.get(path, "Cookie", "JSESSIONID=" + session);
        if (response.statusCode() == 403) {
            return "403";
        }
        assertThat(response.statusCode()).as("%s %s: %s", email, path, response.body()).isEqualTo(200);
        return response.body();
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String tenant() {
        return SubscriptionFixtures.one("SELECT id FROM tenant WHERE slug = 'acme'");
    }

    /**
     * A running subscription of Nimbus Desk "Pay per user" bought by the customer on acme's own storefront, written as
     * SubscriptionFixtures writes one (order PAID, subscription DEPLOYED), its period of 720 hours started 240 hours ago.
     */
    private static long deskSubscription(long customer) {
        String tenant = tenant();
        String storefront = SubscriptionFixtures.one("SELECT storefront_id FROM storefront_host WHERE host = 'acme.localhost'");
        String product = SubscriptionFixtures.one("SELECT id FROM product WHERE tenant_id = ? AND name = 'Nimbus Desk'", tenant);
        String vendor = SubscriptionFixtures.one("SELECT vendor_id FROM product WHERE id = ?", product);
        String plan = SubscriptionFixtures.one("SELECT id FROM plan WHERE tenant_id = ? AND product_id = ? AND name = 'Pay per user'", tenant, product);
        String placedBy = SubscriptionFixtures.one("SELECT id FROM app_user WHERE tenant_id = ? AND organization_id = ?", tenant, customer);
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(240));
        Instant end = start.plus(Duration.ofHours(720));
        String marker = "usage-pages-" + Unique.suffix();
        TestDatabase.update("INSERT INTO purchase_order (tenant_id, type, status, source, customer_id, seller_id, storefront_id, vendor_id,"
                        + " product_id, plan_id, placed_by, duration, extra_resources, currency, marketplace_currency, start_at,"
                        + " decision_reason, total, created_at, version) VALUES (?, 'NORMAL', 'PAID', 'PULL', ?, NULL, ?, ?, ?, ?, ?, 1, '',"
                        + " 'EUR', 'EUR', ?, ?, 0, ?, 1)",
                tenant, customer, storefront, vendor, product, plan, placedBy, utc(start), marker, utc(start));
        String order = SubscriptionFixtures.one("SELECT id FROM purchase_order WHERE tenant_id = ? AND decision_reason = ?", tenant, marker);
        TestDatabase.update("INSERT INTO subscription (tenant_id, type, deployment_status, customer_id, seller_id, storefront_id, vendor_id,"
                        + " product_id, plan_id, order_id, currency, prices, extra_resources, duration, anchor_at, window_start, period_start,"
                        + " period_end, ends_at, auto_renew, trial_ends_at, trial_converts, paid, created_at, version)"
                        + " VALUES (?, 'NORMAL', 'DEPLOYED', ?, NULL, ?, ?, ?, ?, ?, 'EUR', ?, '', 1, ?, ?, ?, ?, ?, TRUE, NULL, FALSE, TRUE, ?, 1)",
                tenant, customer, storefront, vendor, product, plan, order, SubscriptionFixtures.payPerUserSnapshot(), utc(start), utc(start), utc(start), utc(end), utc(end),
                utc(start));
        String subscription = SubscriptionFixtures.one("SELECT id FROM subscription WHERE tenant_id = ? AND order_id = ?", tenant, order);
        TestDatabase.update("UPDATE purchase_order SET subscription_id = ? WHERE id = ?", subscription, order);
        return Long.parseLong(subscription);
    }
}
