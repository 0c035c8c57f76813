package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The catalog API against the demo data: DOMAIN.md's worked examples through POST /quotes, bad
 * input named by field, the onboarding workflow, and what one vendor or tenant cannot see.
 */
class CatalogApiIT extends EarIT {

    private final Http acme = Http.host("acme.localhost");
    private final Http globex = Http.host("globex.localhost");

    /**
     * Quanta is the demo's vendor that never applied (no API withdraws a registration): put back
     * before and after each test, so that aNewVendorSubmitsOnlyOnceTheMarketplaceApprovedIt passes
     * again on the same database and the demo data stays as the README tells it.
     */
    @org.junit.jupiter.api.BeforeEach
    @org.junit.jupiter.api.AfterEach
    void quantaHasNotApplied() {
        String quanta = "(SELECT organization_id FROM app_user WHERE email = 'vendor3@acme.test')";
        TestDatabase.update("DELETE FROM decision WHERE subject = 'VENDOR' AND subject_id IN "
                + "(SELECT id FROM vendor_registration WHERE organization_id = " + quanta + ")");
        TestDatabase.update("DELETE FROM message WHERE organization_id = " + quanta);
        TestDatabase.update("DELETE FROM vendor_registration WHERE organization_id = " + quanta);
    }

    @Test
    void quotesReproduceTheTierExamplesForTheDemoBackupPlans() {
        JsonNode backup = published(acme, "nimbus-backup");

        assertThat(total(quote(planId(backup, "Tiered storage"), "\"extraResources\":{\"storage\":15}"))).isEqualTo("63.00");
        assertThat(total(quote(planId(backup, "Volume storage"), "\"extraResources\":{\"storage\":15}"))).isEqualTo("45.00");
        assertThat(total(quote(planId(backup, "Stairstep storage"), "\"extraResources\":{\"storage\":15}"))).isEqualTo("100.00");
    }

    @Test
    void aQuoteReproducesTheGaugeAverageExampleForTheMeteredDemoPlan() {
        long plan = planId(published(acme, "nimbus-desk"), "Pay per user");

        // a month of 30 days in Rome (April, June, September or November; none changes the clock): 10 users for
        // 10 days, 20 for 15, 15 for 5. A quote starts today or later, so the next such month.
        java.time.YearMonth month = java.time.YearMonth.now(java.time.ZoneId.of("Europe/Rome")).plusMonths(1);
        while (month.lengthOfMonth() != 30) {
            month = month.plusMonths(1);
        }
        JsonNode quote = quote(plan, """
                "start":"%s-01","usage":{"users":{"readings":[
                {"value":10,"hours":240},{"value":20,"hours":360},{"value":15,"hours":120}]}}""".formatted(month));

        assertThat(total(quote)).isEqualTo("31.67");
        assertThat(quote.get("currency").asText()).isEqualTo("EUR");
        JsonNode usage = quote.get("lines").get(1);
        assertThat(usage.get("type").asText()).isEqualTo("USAGE");
        assertThat(usage.get("amount").decimalValue()).isEqualByComparingTo("31.67");
    }

    @Test
    void aQuoteHasLinesRoundedOnceAndACouponLine() {
        long plan = planId(published(acme, "nimbus-mail"), "Pro");

        JsonNode quote = quote(plan, "\"couponCode\":\"welcome10\"");

        // a month of 8.00 and the 20.00 setup fee, less 10% of the total; three months cost 3 x 8.00 + 20.00
        assertThat(quote.get("lines")).extracting(line -> line.get("type").asText()).containsExactly("LICENSE", "SETUP_FEE", "DISCOUNT");
        assertThat(total(priced(plan, "\"duration\":3"))).isEqualTo("44.00");
        assertThat(total(quote)).isEqualTo("25.20");
    }

    @Test
    void badQuotesAreProblemsNamingTheField() {
        long plan = planId(published(acme, "nimbus-backup"), "Tiered storage");

        assertProblem(acme.postJson("/api/v1/quotes", "{\"planId\":" + plan + ",\"duration\":0}"), 422, "duration");
        assertProblem(acme.postJson("/api/v1/quotes", "{\"duration\":1}"), 422, "planId");
        assertProblem(acme.postJson("/api/v1/quotes", "{\"planId\":" + plan + ",\"duration\":1,\"extraResources\":{\"storage\":-1}}"),
                422, "extraResources");
        assertProblem(acme.postJson("/api/v1/quotes", "{\"planId\":" + plan + ",\"duration\":1,\"extraResources\":{\"disk\":1}}"),
                422, "extraResources");
        assertProblem(acme.postJson("/api/v1/quotes", "{\"planId\":" + plan + ",\"duration\":1,\"couponCode\":\"NOPE\"}"),
                422, "couponCode");
        assertProblem(acme.postJson("/api/v1/quotes", "{\"planId\":" + plan + ",\"duration\":1,\"start\":\"soon\"}"), 422, "start");
        assertThat(acme.postJson("/api/v1/quotes", "{\"planId\":" + plan + ",").statusCode()).isEqualTo(400);
        assertThat(acme.postJson("/api/v1/quotes", "{\"planId\":99999999,\"duration\":1}").statusCode()).isEqualTo(404);
    }

    @Test
    void aVendorNeitherSeesNorEditsAnotherVendorsDraft() {
        String orbit = acme.token("vendor2@acme.test", "demo");
        String nimbus = acme.token("vendor@acme.test", "demo");
        long draft = createProduct(orbit, "Orbit Secret " + UUID.randomUUID().toString().substring(0, 8));

        assertThat(acme.get("/api/v1/products/" + draft, Http.bearer(orbit)).statusCode()).isEqualTo(200);
        assertThat(acme.get("/api/v1/products/" + draft, Http.bearer(nimbus)).statusCode()).isEqualTo(404);
        assertThat(acme.putJson("/api/v1/products/" + draft, productJson("Taken over"), Http.bearer(nimbus)).statusCode()).isEqualTo(404);
        assertThat(acme.postJson("/api/v1/products/" + draft + "/plans", planJson("Hijack", "1.00"), Http.bearer(nimbus)).statusCode())
                .isEqualTo(404);
        assertThat(acme.postJson("/api/v1/products/" + draft + "/submit", "", Http.bearer(nimbus)).statusCode()).isEqualTo(404);
        assertThat(ids(acme.get("/api/v1/products", Http.bearer(nimbus)))).doesNotContain(draft);
        assertThat(ids(acme.get("/api/v1/products", Http.bearer(orbit)))).contains(draft);
        assertThat(acme.get("/api/v1/products/" + draft).statusCode()).as("anonymous").isEqualTo(404);
        Http rossisStore = Http.host("reseller.acme.localhost"); // where a customer's token works
        assertThat(rossisStore.get("/api/v1/products/" + draft, Http.bearer(rossisStore.token("customer@acme.test", "demo"))).statusCode())
                .isEqualTo(404);
        assertThat(acme.get("/api/v1/products/" + draft, Http.bearer(acme.token("supervisor@acme.test", "demo"))).statusCode())
                .as("the tenant's staff review drafts").isEqualTo(200);
    }

    @Test
    void nothingOfAcmeIsVisibleOrEditableFromGlobex() {
        String orbit = acme.token("vendor2@acme.test", "demo");
        long draft = createProduct(orbit, "Orbit Hidden " + UUID.randomUUID().toString().substring(0, 8));
        long published = published(acme, "nimbus-backup").get("id").asLong();
        String globexVendor = globex.token("vendor@globex.test", "demo");
        String globexAdmin = globex.token("admin@globex.test", "demo");

        for (long id : List.of(draft, published)) {
            assertThat(globex.get("/api/v1/products/" + id, Http.bearer(globexVendor)).statusCode()).isEqualTo(404);
            assertThat(globex.get("/api/v1/products/" + id, Http.bearer(globexAdmin)).statusCode()).isEqualTo(404);
            assertThat(globex.putJson("/api/v1/products/" + id, productJson("Mine now"), Http.bearer(globexVendor)).statusCode())
                    .isEqualTo(404);
            assertThat(globex.postJson("/api/v1/products/" + id + "/approve", "{}", Http.bearer(globexAdmin)).statusCode()).isEqualTo(404);
        }
        assertThat(acme.get("/api/v1/products/" + draft, Http.bearer(globexVendor)).statusCode()).as("globex token on acme").isEqualTo(401);
        assertThat(globex.get("/api/v1/catalog/nimbus-backup").statusCode()).isEqualTo(404);
        assertThat(globex.get("/api/v1/catalog?q=nimbus").body()).contains("\"total\":0");
        long acmePlan = planId(published(acme, "nimbus-backup"), "Tiered storage");
        assertThat(globex.postJson("/api/v1/quotes", "{\"planId\":" + acmePlan + ",\"duration\":1}").statusCode()).isEqualTo(404);
    }

    @Test
    void theCatalogSearchesAndFiltersPublishedProductsOnly() {
        JsonNode all = Http.json(acme.get("/api/v1/catalog?size=48"));
        assertThat(all.get("total").asInt()).isGreaterThanOrEqualTo(12);
        assertThat(all.get("items")).allSatisfy(item -> assertThat(item.get("status").asText()).isEqualTo("PUBLISHED"));
        assertThat(names(all)).doesNotContain("Nimbus Vault", "Orbit Signals");

        assertThat(names(Http.json(acme.get("/api/v1/catalog?q=backup+encrypted")))).containsExactly("Nimbus Backup");
        assertThat(names(Http.json(acme.get("/api/v1/catalog?category=sales")))).containsExactly("Orbit CRM");
        assertThat(names(Http.json(acme.get("/api/v1/catalog?q=orbit&freeTrial=true"))))
                .contains("Orbit CRM").doesNotContain("Orbit Invoicing");
        assertThat(names(Http.json(acme.get("/api/v1/catalog?minPrice=50&maxPrice=60")))).containsExactly("Orbit Analytics");
        JsonNode page = Http.json(acme.get("/api/v1/catalog?size=5&page=1"));
        assertThat(page.get("items")).hasSize(5);
        assertThat(page.get("page").asInt()).isEqualTo(1);
        assertProblem(acme.get("/api/v1/catalog?size=500"), 422, "size");
        assertProblem(acme.get("/api/v1/catalog?minPrice=cheap"), 422, "minPrice");
    }

    @Test
    void aProductGoesFromDraftThroughReviewToTheCatalogAndTheVendorHearsOfEachDecision() {
        String nimbus = acme.token("vendor@acme.test", "demo");
        String admin = acme.token("admin@acme.test", "demo");
        String name = "Nimbus Relay " + UUID.randomUUID().toString().substring(0, 8);
        long product = createProduct(nimbus, name);
        JsonNode withPlan = Http.json(acme.postJson("/api/v1/products/" + product + "/plans", planJson("Standard", "7.00"),
                Http.bearer(nimbus)));
        long plan = withPlan.get("plans").get(0).get("id").asLong();
        HttpResponse<String> resource = acme.postJson("/api/v1/products/" + product + "/plans/" + plan + "/extra-resources", """
                {"code":"relays","name":"Relays","unit":"relays","prepaid":true,"scheme":"TIERED",
                 "tiers":[{"from":1,"to":9,"price":5.00},{"from":10,"price":3.00}]}""", Http.bearer(nimbus));
        assertThat(resource.statusCode()).as("%s", resource.body()).isEqualTo(201);

        assertThat(acme.postJson("/api/v1/products/" + product + "/submit", "", Http.bearer(nimbus)).statusCode()).isEqualTo(200);
        assertThat(acme.putJson("/api/v1/products/" + product, productJson(name), Http.bearer(nimbus)).statusCode())
                .as("a submitted product is frozen").isEqualTo(409);
        assertThat(acme.postJson("/api/v1/products/" + product + "/approve", "{}", Http.bearer(nimbus)).statusCode())
                .as("a vendor does not approve itself").isEqualTo(403);
        assertProblem(acme.postJson("/api/v1/products/" + product + "/reject", "{}", Http.bearer(admin)), 422, "reason");

        JsonNode rejected = Http.json(acme.postJson("/api/v1/products/" + product + "/reject",
                "{\"reason\":\"Add a privacy policy\"}", Http.bearer(admin)));
        assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.get("lastDecision").get("reason").asText()).isEqualTo("Add a privacy policy");
        assertThat(rejected.get("lastDecision").get("decidedBy").asText()).isEqualTo("Ada Admin");
        assertThat(acme.get("/api/v1/messages", Http.bearer(nimbus)).body()).contains(name + " was rejected", "Add a privacy policy");

        assertThat(acme.postJson("/api/v1/products/" + product + "/submit", "", Http.bearer(nimbus)).statusCode()).isEqualTo(200);
        JsonNode approved = Http.json(acme.postJson("/api/v1/products/" + product + "/approve", "{\"reason\":\"Looks good\"}",
                Http.bearer(admin)));
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        assertThat(acme.get("/api/v1/catalog?q=" + name.replace(' ', '+')).body()).contains("\"total\":0");
        assertThat(acme.postJson("/api/v1/products/" + product + "/publish", "", Http.bearer(nimbus)).statusCode()).isEqualTo(200);

        JsonNode found = Http.json(acme.get("/api/v1/catalog?q=" + name.replace(' ', '+')));
        assertThat(names(found)).containsExactly(name);
        assertThat(acme.get("/api/v1/messages", Http.bearer(nimbus)).body()).contains(name + " is approved");
        assertThat(total(quote(plan, "\"extraResources\":{\"relays\":15}"))).isEqualTo("70.00");
    }

    @Test
    void aNewVendorSubmitsOnlyOnceTheMarketplaceApprovedIt() {
        String quanta = acme.token("vendor3@acme.test", "demo");
        String admin = acme.token("admin@acme.test", "demo");
        long product = createProduct(quanta, "Quanta Ledger");
        acme.postJson("/api/v1/products/" + product + "/plans", planJson("Standard", "3.00"), Http.bearer(quanta));

        HttpResponse<String> early = acme.postJson("/api/v1/products/" + product + "/submit", "", Http.bearer(quanta));
        assertThat(early.statusCode()).as("%s", early.body()).isEqualTo(409);
        assertThat(early.body()).contains("has not applied");

        HttpResponse<String> applied = acme.post("/api/v1/vendor-registrations", Http.bearer(quanta));
        assertThat(applied.statusCode()).as("%s", applied.body()).isEqualTo(201);
        long registration = Http.json(applied).get("id").asLong();
        assertThat(acme.postJson("/api/v1/products/" + product + "/submit", "", Http.bearer(quanta)).body()).contains("pending");
        assertThat(acme.get("/api/v1/vendor-registrations", Http.bearer(quanta)).statusCode()).isEqualTo(403);
        assertThat(globex.postJson("/api/v1/vendor-registrations/" + registration + "/approve", "{}",
                Http.bearer(globex.token("admin@globex.test", "demo"))).statusCode()).isEqualTo(404);

        HttpResponse<String> decided = acme.postJson("/api/v1/vendor-registrations/" + registration + "/approve",
                "{\"reason\":\"Welcome\"}", Http.bearer(admin));
        assertThat(decided.statusCode()).as("%s", decided.body()).isEqualTo(200);
        assertThat(acme.get("/api/v1/messages", Http.bearer(quanta)).body()).contains("vendor registration is approved");
        assertThat(acme.post("/api/v1/products/" + product + "/submit", Http.bearer(quanta)).statusCode()).isEqualTo(200);
    }

    @Test
    void invalidCatalogDataIsRefusedWithTheFieldNamed() {
        String nimbus = acme.token("vendor@acme.test", "demo");
        long product = createProduct(nimbus, "Nimbus Checks " + UUID.randomUUID().toString().substring(0, 8));
        String plans = "/api/v1/products/" + product + "/plans";

        assertProblem(acme.postJson(plans, """
                {"name":"Quarterly","licensePrice":10,"billingFrequency":3,"minimumDuration":5}""", Http.bearer(nimbus)),
                422, "minimumDuration");
        assertProblem(acme.postJson(plans, planJson("Negative", "-1.00"), Http.bearer(nimbus)), 422, "licensePrice");
        assertProblem(acme.postJson(plans, planJson("Dollars", "1.00").replace("{", "{\"currency\":\"USD\","), Http.bearer(nimbus)),
                422, "currency");
        long plan = Http.json(acme.postJson(plans, planJson("Standard", "1.00"), Http.bearer(nimbus))).get("plans").get(0).get("id").asLong();
        String resources = plans + "/" + plan + "/extra-resources";
        assertProblem(acme.postJson(resources, resourceJson("[{\"from\":1,\"to\":9,\"price\":5},{\"from\":9,\"price\":3}]"),
                Http.bearer(nimbus)), 422, "tiers");
        assertProblem(acme.postJson(resources, resourceJson("[{\"from\":1,\"to\":9,\"price\":5},{\"from\":11,\"price\":3}]"),
                Http.bearer(nimbus)), 422, "tiers");
        assertProblem(acme.postJson(resources, resourceJson("[{\"from\":1,\"price\":-5}]"), Http.bearer(nimbus)), 422, "tiers");
        assertProblem(acme.postJson(resources, resourceJson("[{\"from\":1,\"price\":5}]").replace("TIERED", "CHEAP"),
                Http.bearer(nimbus)), 422, "scheme");
        assertProblem(acme.postJson("/api/v1/products", "{\"summary\":\"No name\"}", Http.bearer(nimbus)), 422, "name");
    }

    @Test
    void aBundleHoldsTwoOrMoreOfTheVendorsOwnProducts() {
        String nimbus = acme.token("vendor@acme.test", "demo");
        long mailPro = planId(published(acme, "nimbus-mail"), "Pro");
        long driveBusiness = planId(published(acme, "nimbus-drive"), "Business");
        long orbitCrm = planId(published(acme, "orbit-crm"), "Starter");
        HttpResponse<String> created = acme.postJson("/api/v1/products",
                productJson("Nimbus Pack " + UUID.randomUUID().toString().substring(0, 8)).replace("{", "{\"kind\":\"BUNDLE\","),
                Http.bearer(nimbus));
        long bundle = Http.json(created).get("id").asLong();
        long plan = Http.json(acme.postJson("/api/v1/products/" + bundle + "/plans", planJson("Pack", "0.00"), Http.bearer(nimbus)))
                .get("plans").get(0).get("id").asLong();
        String items = "/api/v1/products/" + bundle + "/plans/" + plan + "/bundle-items";

        assertProblem(acme.putJson(items, components(mailPro), Http.bearer(nimbus)), 422, "components");
        HttpResponse<String> foreign = acme.putJson(items, components(mailPro, orbitCrm), Http.bearer(nimbus));
        assertProblem(foreign, 422, "components");
        assertThat(foreign.body()).as("another vendor's product is not named").doesNotContain("Orbit");
        long draft = createProduct(nimbus, "Nimbus Draft " + UUID.randomUUID().toString().substring(0, 8));
        long draftPlan = Http.json(acme.postJson("/api/v1/products/" + draft + "/plans", planJson("Standard", "2.00"),
                Http.bearer(nimbus))).get("plans").get(0).get("id").asLong();
        HttpResponse<String> unreviewed = acme.putJson(items, components(mailPro, draftPlan), Http.bearer(nimbus));
        assertProblem(unreviewed, 422, "components");
        assertThat(unreviewed.body()).contains("only published products");
        HttpResponse<String> composed = acme.putJson(items, components(mailPro, driveBusiness), Http.bearer(nimbus));
        assertThat(composed.statusCode()).as("%s", composed.body()).isEqualTo(200);
        assertThat(Http.json(composed).get("plans").get(0).get("bundleItems")).hasSize(2);
        HttpResponse<String> again = acme.putJson(items, components(mailPro, driveBusiness), Http.bearer(nimbus));
        assertThat(again.statusCode()).as("composing the same plans again: %s", again.body()).isEqualTo(200);
        assertThat(acme.delete("/api/v1/products/" + draft + "/plans/" + draftPlan, Http.bearer(nimbus)).statusCode()).isEqualTo(200);

        // the demo suite: Mail Pro 8.00 + 20.00 setup less 10%, Drive Business 12.00 less 20%
        long suite = planId(published(acme, "nimbus-suite"), "Business suite");
        assertThat(total(priced(suite, "\"duration\":1"))).isEqualTo("34.80");
    }

    @Test
    void aLogoIsAPngJpegOrWebpImageSeenOnlyByThoseWhoSeeTheProduct() {
        String nimbus = acme.token("vendor@acme.test", "demo");
        long product = createProduct(nimbus, "Nimbus Pixel " + UUID.randomUUID().toString().substring(0, 8));
        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        byte[] svg = "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>".getBytes();

        HttpResponse<String> stored = acme.putBytes("/api/v1/products/" + product + "/logo", "image/png", png, Http.bearer(nimbus));
        assertThat(stored.statusCode()).as("%s", stored.body()).isEqualTo(200);
        assertThat(Http.json(stored).get("hasLogo").asBoolean()).isTrue();
        assertProblem(acme.putBytes("/api/v1/products/" + product + "/logo", "image/png", svg, Http.bearer(nimbus)), 422, "image");

        HttpResponse<String> logo = acme.get("/api/v1/products/" + product + "/logo", Http.bearer(nimbus));
        assertThat(logo.statusCode()).isEqualTo(200);
        assertThat(logo.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(acme.get("/api/v1/products/" + product + "/logo").statusCode()).as("a draft's logo, anonymously").isEqualTo(404);
        assertThat(acme.get("/api/v1/products/" + product + "/logo", Http.bearer(acme.token("vendor2@acme.test", "demo"))).statusCode())
                .as("another vendor").isEqualTo(404);
    }

    private long createProduct(String token, String name) {
        HttpResponse<String> created = acme.postJson("/api/v1/products", productJson(name), Http.bearer(token));
        assertThat(created.statusCode()).as("%s", created.body()).isEqualTo(201);
        return Http.json(created).get("id").asLong();
    }

    private static String productJson(String name) {
        return "{\"name\":\"" + name + "\",\"summary\":\"A test product\",\"trialDays\":7,\"tags\":[\"test\"]}";
    }

    private static String planJson(String name, String license) {
        return "{\"name\":\"" + name + "\",\"licensePrice\":" + license + ",\"billingFrequency\":1,\"billingUnit\":\"MONTHS\"}";
    }

    private static String resourceJson(String tiers) {
        return "{\"code\":\"disk\",\"name\":\"Disk\",\"unit\":\"GB\",\"scheme\":\"TIERED\",\"tiers\":" + tiers + "}";
    }

    private static String components(long... plans) {
        List<String> parts = new ArrayList<>();
        for (long plan : plans) {
            parts.add("{\"planId\":" + plan + ",\"discountPercent\":10}");
        }
        return "{\"components\":[" + String.join(",", parts) + "]}";
    }

    private static JsonNode published(Http http, String slug) {
        HttpResponse<String> response = http.get("/api/v1/catalog/" + slug);
        assertThat(response.statusCode()).as("%s", response.body()).isEqualTo(200);
        return Http.json(response);
    }

    private static long planId(JsonNode product, String name) {
        for (JsonNode plan : product.get("plans")) {
            if (plan.get("name").asText().equals(name)) {
                return plan.get("id").asLong();
            }
        }
        throw new AssertionError(product.get("name") + " has no plan " + name);
    }

    /** A quote for one period with the extra fields given. */
    private JsonNode quote(long plan, String extra) {
        return priced(plan, "\"duration\":1," + extra);
    }

    private JsonNode priced(long plan, String fields) {
        HttpResponse<String> response = acme.postJson("/api/v1/quotes", "{\"planId\":" + plan + "," + fields + "}");
        assertThat(response.statusCode()).as("%s", response.body()).isEqualTo(200);
        return Http.json(response);
    }

    private static String total(JsonNode quote) {
        return quote.get("total").decimalValue().setScale(2).toPlainString();
    }

    private static List<Long> ids(HttpResponse<String> response) {
        List<Long> ids = new ArrayList<>();
        Http.json(response).forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.get("items").forEach(item -> names.add(item.get("name").asText()));
        return names;
    }

    private static void assertProblem(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as("%s", response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(Http.json(response).path("field").asText()).as("%s", response.body()).isEqualTo(field);
    }
}
