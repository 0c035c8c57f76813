package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: the platform fee overridden per extra resource (DOMAIN, Decisions: Platform fee) and a plan's daily trial
 * cost are the tenant ADMIN's alone: a vendor, a reseller of the channel and another tenant's ADMIN are refused; the
 * override shows in the vendor's and staff's view of the product, never in the storefront's catalog. Its data: the first
 * extra resource of acme's demo catalog, whose override is cleared again.
 */
class PlatformFeesIT extends EarIT {

    private final Http acme = Http.host("acme.localhost");
    private final Http globex = Http.host("globex.localhost");

    @Test
    void onlyTheTenantsAdminSetsAnExtraResourcesPlatformFeeAndTheStorefrontNeverShowsIt() {
        String[] resource = TestDatabase.query("SELECT CONCAT(p.id, ' ', pl.id, ' ', r.id, ' ', p.slug) FROM extra_resource r"
                + " JOIN plan pl ON pl.id = r.plan_id JOIN product p ON p.id = pl.product_id JOIN tenant t ON t.id = p.tenant_id"
                + " WHERE t.slug = 'acme' AND p.status = 'PUBLISHED' ORDER BY r.id LIMIT 1").get(0).split(" ");
        String product = resource[0];
        long resourceId = Long.parseLong(resource[2]);
        String path = "/api/v1/products/" + product + "/plans/" + resource[1] + "/extra-resources/" + resourceId + "/platform-fee";
        String admin = acme.token("admin@acme.test", "demo");
        try {
            for (String refused : List.of("vendor@acme.test", "reseller@acme.test", "supervisor@acme.test")) {
                assertThat(acme.putJson(path, "{\"platformFeePercent\":1}", Http.bearer(acme.token(refused, "demo"))).statusCode())
                        .as("%s sets no platform fee", refused).isEqualTo(403);
            }
            HttpResponse<String> otherTenant = globex.putJson(path, "{\"platformFeePercent\":1}",
                    Http.bearer(globex.token("admin@globex.test", "demo")));
            assertThat(otherTenant.statusCode()).as("globex's ADMIN finds no acme product: %s", otherTenant.body()).isEqualTo(404);
            for (String bad : List.of("-1", "100.01", "7.125", "1e999999999")) {
                HttpResponse<String> answer = acme.putJson(path, "{\"platformFeePercent\":" + bad + "}", Http.bearer(admin));
                assertThat(answer.statusCode()).as("%s: %s", bad, answer.body()).isEqualTo(422);
                assertThat(answer.body()).contains("\"platformFeePercent\"");
            }
            assertThat(TestDatabase.query("SELECT COALESCE(platform_fee_percent, 'none') FROM extra_resource WHERE id = ?", resourceId))
                    .as("nothing refused was written").containsExactly("none");

            HttpResponse<String> set = acme.putJson(path, "{\"platformFeePercent\":7.5}", Http.bearer(admin));
            assertThat(set.statusCode()).as("%s", set.body()).isEqualTo(200);
            assertThat(fee(Http.json(set), resourceId).decimalValue()).isEqualByComparingTo("7.5");
            JsonNode vendorView = Http.json(acme.get("/api/v1/products/" + product, Http.bearer(acme.token("vendor@acme.test", "demo"))));
            assertThat(fee(vendorView, resourceId).decimalValue()).as("the vendor reads the fee on its income").isEqualByComparingTo("7.5");
            JsonNode storefront = Http.json(acme.get("/api/v1/catalog/" + resource[3]));
            assertThat(storefront.toString()).as("the storefront's catalog").doesNotContain("platformFeePercent");

            try (Browser page = new Browser()) {
                page.open("acme.localhost", "/login.xhtml");
                page.type("#login\\:email", "admin@acme.test");
                page.type("#login\\:password", "demo");
                page.clickAndWait("#login\\:submit");
                page.open("acme.localhost", "/backoffice/platform-fees.xhtml");
                assertThat(page.find("#platform-fee-" + resourceId).getAttribute("value")).isEqualTo("7.50");
                page.retype("#platform-fee-" + resourceId, "101");
                page.clickAndWait("#save-platform-fee-" + resourceId);
                assertThat(page.text()).as("refused on the page").contains("platformFeePercent");
                page.retype("#platform-fee-" + resourceId, "4.25");
                page.clickAndWait("#save-platform-fee-" + resourceId);
                assertThat(page.find("#platform-fee-" + resourceId).getAttribute("value")).isEqualTo("4.25");
                page.screenshot("platform-fees");
            }
            assertThat(TestDatabase.query("SELECT platform_fee_percent FROM extra_resource WHERE id = ?", resourceId)).containsExactly("4.25");

            HttpResponse<String> cleared = acme.putJson(path, "{\"platformFeePercent\":null}", Http.bearer(admin));
            assertThat(cleared.statusCode()).as("%s", cleared.body()).isEqualTo(200);
            assertThat(fee(Http.json(cleared), resourceId)).as("the marketplace's fee again").isNull();
        } finally {
            TestDatabase.update("UPDATE extra_resource SET platform_fee_percent = NULL WHERE id = ?", resourceId);
        }
    }

    /** The first invoice's proceeds carry the resource's own fee, the license the marketplace's (FeeOverrides, FeePercents). */
    @Test
    void aPurchasesExtraResourceLineKeepsTheResourcesOwnPlatformFee() {
        String[] resource = TestDatabase.query("SELECT CONCAT(p.id, ' ', pl.id, ' ', r.id, ' ', r.code) FROM extra_resource r"
                + " JOIN plan pl ON pl.id = r.plan_id JOIN product p ON p.id = pl.product_id JOIN tenant t ON t.id = p.tenant_id"
                + " WHERE t.slug = 'acme' AND p.name = 'Nimbus Drive' AND pl.name = 'Business' AND r.billing = 'PRE_PAID'").get(0).split(" ");
        String path = "/api/v1/products/" + resource[0] + "/plans/" + resource[1] + "/extra-resources/" + resource[2] + "/platform-fee";
        String admin = acme.token("admin@acme.test", "demo");
        try {
            assertThat(acme.putJson(path, "{\"platformFeePercent\":50}", Http.bearer(admin)).statusCode()).isEqualTo(200);
            Buyer buyer = Buyer.newCustomer("admin@acme.test", acme, "Fees");
            HttpResponse<String> placed = acme.postJson("/api/v1/orders", "{\"planId\":" + resource[1] + ",\"duration\":1,"
                    + "\"extraResources\":{\"" + resource[3] + "\":2}}", buyer.auth());
            assertThat(placed.statusCode()).as("%s", placed.body()).isEqualTo(201);
            long order = Http.json(placed).get("id").asLong();
            assertThat(TestDatabase.query("SELECT CONCAT(vendor_amount, ' ', platform_fee) FROM proceed WHERE order_id = ? AND component = ?",
                    order, "extra:" + resource[3])).singleElement().satisfies(line -> {
                        String[] amounts = line.split(" ");
                        assertThat(new java.math.BigDecimal(amounts[1])).as("half of the vendor's %s", amounts[0])
                                .isEqualByComparingTo(new java.math.BigDecimal(amounts[0]).divide(java.math.BigDecimal.valueOf(2)));
                    });
            String marketplace = TestDatabase.query("SELECT COALESCE(MAX(s.value), '0') FROM tenant_setting s JOIN tenant t ON t.id = s.tenant_id"
                    + " WHERE t.slug = 'acme' AND s.name = 'billing.platformFee'").get(0);
            assertThat(TestDatabase.query("SELECT CONCAT(vendor_amount, ' ', platform_fee) FROM proceed WHERE order_id = ? AND component = 'license'",
                    order)).singleElement().satisfies(line -> {
                        String[] amounts = line.split(" ");
                        assertThat(new java.math.BigDecimal(amounts[1])).as("the marketplace's %s %% of %s", marketplace, amounts[0])
                                .isEqualByComparingTo(new java.math.BigDecimal(amounts[0]).multiply(new java.math.BigDecimal(marketplace))
                                        .divide(java.math.BigDecimal.valueOf(100), 2, java.math.RoundingMode.HALF_UP));
                    });
        } finally {
            TestDatabase.update("UPDATE extra_resource SET platform_fee_percent = NULL WHERE id = ?", resource[2]);
        }
    }

    @Test
    void aPlansDailyTrialCostIsRefusedToAResellerAndToAnotherTenant() {
        String[] plan = TestDatabase.query("SELECT CONCAT(p.id, ' ', pl.id) FROM plan pl JOIN product p ON p.id = pl.product_id"
                + " JOIN tenant t ON t.id = p.tenant_id WHERE t.slug = 'acme' ORDER BY pl.id LIMIT 1").get(0).split(" ");
        String path = "/api/v1/products/" + plan[0] + "/plans/" + plan[1] + "/daily-trial-cost";
        assertThat(acme.putJson(path, "{\"dailyTrialCost\":9}", Http.bearer(acme.token("reseller@acme.test", "demo"))).statusCode())
                .isEqualTo(403);
        assertThat(globex.putJson(path, "{\"dailyTrialCost\":9}", Http.bearer(globex.token("admin@globex.test", "demo"))).statusCode())
                .isEqualTo(404);
        assertThat(TestDatabase.query("SELECT daily_trial_cost FROM plan WHERE id = ?", plan[1]).get(0)).doesNotStartWith("9");
    }

    /** The resource's own fee in a product's view, null when the view has none. */
    private static JsonNode fee(JsonNode product, long resourceId) {
        for (JsonNode plan : product.get("plans")) {
            for (JsonNode extra : plan.get("extraResources")) {
                if (extra.get("id").asLong() == resourceId) {
                    return extra.get("platformFeePercent");
                }
            }
        }
        throw new AssertionError("No extra resource " + resourceId + ": " + product);
    }
}
