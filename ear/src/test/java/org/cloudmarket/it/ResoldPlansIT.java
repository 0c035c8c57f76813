package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "The plans a reseller resells" is one rule (published, standard, by an approved vendor, listed by
 * its channel) behind its services, bundles, categories and coupons: anything else it names is
 * refused as if it did not exist, without a word of what it is. Bundles stop selling once a part
 * is retired. The fixtures it needs (a rejected, an approved but unpublished, a new vendor's
 * product) are made once and found again on later runs; what it retires it publishes again.
 */
class ResoldPlansIT extends EarIT {

    private final Http acme = Http.host("acme.localhost");
    private final Http cloudy = Http.host("cloudy.acme.localhost");

    /** A plan the reseller may not resell, with the names that must not leak. */
    private record Unsold(String what, long productId, long planId, String productName, String planName) {
    }

    @Test
    void aResellerNamingAPlanItDoesNotResellIsRefusedEverywhereAndLearnsNothingOfIt() {
        String reseller = acme.token("reseller2@acme.test", "demo");
        String nimbus = acme.token("vendor@acme.test", "demo");
        String orbit = acme.token("vendor2@acme.test", "demo");
        String admin = acme.token("admin@acme.test", "demo");
        List<Unsold> unsold = List.of(
                existing("a draft", orbit, "Orbit Signals"),
                existing("a submitted product", nimbus, "Nimbus Vault"),
                fixture("a rejected product", nimbus, "Nimbus Rejected Fixture", admin, "reject"),
                fixture("an approved product not yet published", orbit, "Orbit Approved Fixture", admin, "approve"),
                fixture("a new vendor's draft", acme.token("vendor3@acme.test", "demo"), "Quanta Draft Fixture", admin, null),
                published("a vendor's bundle", "nimbus-suite"));
        long category = cloudysCategory(reseller);
        long mail = published("a resold plan", "nimbus-mail").planId();

        for (Unsold plan : unsold) {
            refused(plan, acme.postJson("/api/v1/reseller-services", "{\"planId\":" + plan.planId() + ",\"service\":{\"code\":\"help\","
                    + "\"name\":\"Help\",\"unit\":\"hours\",\"prepaid\":true,\"scheme\":\"VOLUME\",\"tiers\":[{\"from\":1,\"price\":5}]}}",
                    Http.bearer(reseller)), "planId");
            refused(plan, acme.postJson("/api/v1/reseller-bundles", "{\"name\":\"Sneaky bundle\",\"summary\":\"x\",\"components\":["
                    + "{\"planId\":" + mail + "},{\"planId\":" + plan.planId() + "}]}", Http.bearer(reseller)), "components");
            refused(plan, acme.postJson("/api/v1/reseller-categories/" + category + "/products", "{\"productId\":" + plan.productId() + "}",
                    Http.bearer(reseller)), "productId");
            refused(plan, acme.postJson("/api/v1/coupons", coupon("\"productId\":" + plan.productId()), Http.bearer(reseller)),
                    "productId");
            refused(plan, acme.postJson("/api/v1/coupons", coupon("\"planId\":" + plan.planId()), Http.bearer(reseller)), "planId");
        }
        // what it does resell goes in, so the refusals above are about the plans, not the requests
        assertThat(acme.postJson("/api/v1/reseller-categories/" + category + "/products",
                "{\"productId\":" + published("a resold product", "nimbus-mail").productId() + "}", Http.bearer(reseller)).statusCode())
                .isEqualTo(204);
        assertThat(Http.json(cloudy.get("/api/v1/catalog?category=cloudy-resold-check")).get("items").toString())
                .contains("Nimbus Mail").doesNotContain("Signals", "Vault", "Fixture");
    }

    @Test
    void aRetiredPlanIsNoLongerResoldAndEveryBundleOfItStopsSelling() {
        String reseller = acme.token("reseller2@acme.test", "demo");
        String nimbus = acme.token("vendor@acme.test", "demo");
        Unsold drive = published("a retired product", "nimbus-drive");
        long suitePlan = published("a vendor's bundle", "nimbus-suite").planId();
        long mail = published("a resold plan", "nimbus-mail").planId();
        JsonNode cloudyBundle = cloudysBundle(reseller, mail, drive.planId());
        long cloudyBundlePlan = cloudyBundle.get("plans").get(0).get("id").asLong();
        String cloudySlug = cloudyBundle.get("slug").asText();
        assertThat(quote(acme, suitePlan).statusCode()).isEqualTo(200);
        assertThat(quote(cloudy, cloudyBundlePlan).statusCode()).isEqualTo(200);

        assertThat(acme.post("/api/v1/products/" + drive.productId() + "/retire", Http.bearer(nimbus)).statusCode()).isEqualTo(200);
        try {
            refused(drive, acme.postJson("/api/v1/reseller-services", "{\"planId\":" + drive.planId() + ",\"service\":{\"code\":\"help\","
                    + "\"name\":\"Help\",\"unit\":\"hours\",\"prepaid\":true,\"scheme\":\"VOLUME\",\"tiers\":[{\"from\":1,\"price\":5}]}}",
                    Http.bearer(reseller)), "planId");
            refused(drive, acme.postJson("/api/v1/coupons", coupon("\"planId\":" + drive.planId()), Http.bearer(reseller)), "planId");
            assertThat(acme.get("/api/v1/catalog/nimbus-suite").statusCode()).as("the vendor's bundle").isEqualTo(404);
            assertThat(acme.get("/api/v1/catalog?q=Nimbus+Suite").body()).contains("\"total\":0");
            assertThat(quote(acme, suitePlan).statusCode()).isEqualTo(404);
            assertThat(cloudy.get("/api/v1/catalog/nimbus-suite").statusCode()).isEqualTo(404);
            assertThat(cloudy.get("/api/v1/catalog/" + cloudySlug).statusCode()).as("the reseller's bundle").isEqualTo(404);
            assertThat(cloudy.get("/api/v1/catalog?q=Cloudy+Retire+Check").body()).contains("\"total\":0");
            assertThat(quote(cloudy, cloudyBundlePlan).statusCode()).isEqualTo(404);
        } finally {
            assertThat(acme.post("/api/v1/products/" + drive.productId() + "/publish", Http.bearer(nimbus)).statusCode()).isEqualTo(200);
        }
        assertThat(quote(acme, suitePlan).statusCode()).as("on sale again with its part").isEqualTo(200);
        assertThat(quote(cloudy, cloudyBundlePlan).statusCode()).isEqualTo(200);
        assertThat(acme.get("/api/v1/catalog?q=Nimbus+Suite").body()).contains("\"total\":1");
    }

    private static void refused(Unsold plan, HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as("%s: %s", plan.what(), response.body()).isEqualTo(422);
        assertThat(Http.json(response).path("field").asText()).as("%s: %s", plan.what(), response.body()).isEqualTo(field);
        assertThat(response.body()).as(plan.what()).doesNotContain(plan.productName()).doesNotContain(" " + plan.planName() + " ");
    }

    private static String coupon(String scope) {
        return "{" + scope + ",\"code\":\"RESOLD-CHECK\",\"effect\":\"PERCENT_OFF\",\"percentOff\":10,\"destination\":\"TOTAL\","
                + "\"validFrom\":\"2030-01-01T00:00:00Z\",\"validUntil\":\"2031-01-01T00:00:00Z\"}";
    }

    private HttpResponse<String> quote(Http host, long plan) {
        return host.postJson("/api/v1/quotes", "{\"planId\":" + plan + ",\"duration\":1}");
    }

    private Unsold published(String what, String slug) {
        JsonNode product = Http.json(acme.get("/api/v1/catalog/" + slug));
        JsonNode plan = product.get("plans").get(0);
        return new Unsold(what, product.get("id").asLong(), plan.get("id").asLong(), product.get("name").asText(),
                plan.get("name").asText());
    }

    /** A product of the demo data, read by its vendor. */
    private Unsold existing(String what, String vendor, String name) {
        for (JsonNode product : Http.json(acme.get("/api/v1/products", Http.bearer(vendor)))) {
            if (product.get("name").asText().equals(name)) {
                return unsold(what, vendor, product.get("id").asLong());
            }
        }
        throw new AssertionError("No product " + name + " in the demo data");
    }

    /** A product made once by its vendor and, when a decision is named, decided by the admin; found again later. */
    private Unsold fixture(String what, String vendor, String name, String admin, String decision) {
        for (JsonNode product : Http.json(acme.get("/api/v1/products", Http.bearer(vendor)))) {
            if (product.get("name").asText().equals(name)) {
                return unsold(what, vendor, product.get("id").asLong());
            }
        }
        HttpResponse<String> created = acme.postJson("/api/v1/products",
                "{\"name\":\"" + name + "\",\"summary\":\"Never resold\",\"tags\":[\"test\"]}", Http.bearer(vendor));
        assertThat(created.statusCode()).as("%s", created.body()).isEqualTo(201);
        long id = Http.json(created).get("id").asLong();
        HttpResponse<String> plan = acme.postJson("/api/v1/products/" + id + "/plans",
                "{\"name\":\"Secret\",\"licensePrice\":3.00,\"billingFrequency\":1,\"billingUnit\":\"MONTHS\"}", Http.bearer(vendor));
        assertThat(plan.statusCode()).as("%s", plan.body()).isEqualTo(201);
        if (decision != null) {
            assertThat(acme.post("/api/v1/products/" + id + "/submit", Http.bearer(vendor)).statusCode()).isEqualTo(200);
            HttpResponse<String> decided = acme.postJson("/api/v1/products/" + id + "/" + decision, "{\"reason\":\"Fixture\"}",
                    Http.bearer(admin));
            assertThat(decided.statusCode()).as("%s", decided.body()).isEqualTo(200);
        }
        return unsold(what, vendor, id);
    }

    private Unsold unsold(String what, String vendor, long productId) {
        JsonNode product = Http.json(acme.get("/api/v1/products/" + productId, Http.bearer(vendor)));
        JsonNode plan = product.get("plans").get(0);
        return new Unsold(what, productId, plan.get("id").asLong(), product.get("name").asText(), plan.get("name").asText());
    }

    /** Cloudy Partners' category for these checks, made on the first run. */
    private long cloudysCategory(String reseller) {
        for (JsonNode category : Http.json(acme.get("/api/v1/reseller-categories", Http.bearer(reseller)))) {
            if (category.get("slug").asText().equals("cloudy-resold-check")) {
                return category.get("id").asLong();
            }
        }
        HttpResponse<String> created = acme.postJson("/api/v1/reseller-categories", "{\"name\":\"Cloudy resold check\"}",
                Http.bearer(reseller));
        assertThat(created.statusCode()).as("%s", created.body()).isEqualTo(201);
        return Http.json(created).get("id").asLong();
    }

    /** Cloudy Partners' bundle of two plans, made on the first run, as its storefront sells it. */
    private JsonNode cloudysBundle(String reseller, long first, long second) {
        JsonNode found = Http.json(cloudy.get("/api/v1/catalog?q=Cloudy+Retire+Check")).get("items");
        String slug;
        if (found.isEmpty()) {
            HttpResponse<String> created = acme.postJson("/api/v1/reseller-bundles", "{\"name\":\"Cloudy Retire Check\",\"summary\":"
                    + "\"Mail and files\",\"components\":[{\"planId\":" + first + "},{\"planId\":" + second + "}]}", Http.bearer(reseller));
            assertThat(created.statusCode()).as("%s", created.body()).isEqualTo(201);
            slug = Http.json(created).get("slug").asText();
        } else {
            slug = found.get(0).get("slug").asText();
        }
        return Http.json(cloudy.get("/api/v1/catalog/" + slug));
    }
}
