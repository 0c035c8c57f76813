package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, what the catalog learns, through the API: extra resources' billing kinds (and an older client's prepaid),
 * a pay-as-you-go resource's metric, a metric's endpoint, frequency and quota, quotes of post-paid and pay-as-you-go
 * resources, and the catalog's access rules over them.
 */
class CatalogMeteringIT extends EarIT {

    private final Http acme = Http.host("acme.localhost");
    private final Http globex = Http.host("globex.localhost");

    @Test
    void billingKindsRoundTripAndAnOldClientsPrepaidIsStillRead() {
        String nimbus = acme.token("vendor@acme.test", "demo");
        Draft draft = draft(nimbus);

        JsonNode prepaid = resource(draft.add(nimbus, resourceJson("seats", "\"billing\":\"PRE_PAID\""), 201), "seats");
        assertThat(prepaid.get("billing").asText()).isEqualTo("PRE_PAID");
        assertThat(prepaid.get("prepaid").asBoolean()).as("derived, for older clients").isTrue();
        JsonNode postPaid = resource(draft.add(nimbus, resourceJson("disk", "\"billing\":\"post_paid\""), 201), "disk");
        assertThat(postPaid.get("billing").asText()).isEqualTo("POST_PAID");
        assertThat(postPaid.get("prepaid").asBoolean()).isFalse();
        assertThat(resource(draft.add(nimbus, resourceJson("old-true", "\"prepaid\":true"), 201), "old-true").get("billing").asText())
                .isEqualTo("PRE_PAID");
        assertThat(resource(draft.add(nimbus, resourceJson("old-false", "\"prepaid\":false"), 201), "old-false").get("billing").asText())
                .as("an old client's false is a chosen quantity billed at the end").isEqualTo("POST_PAID");
        assertThat(resource(draft.add(nimbus, resourceJson("absent", null), 201), "absent").get("billing").asText()).isEqualTo("PRE_PAID");
        assertProblem(draft.add(nimbus, resourceJson("odd", "\"billing\":\"LATER\""), 422), "billing");

        // a pay-as-you-go resource needs the plan's metric, of no price of its own
        assertProblem(draft.add(nimbus, resourceJson("cpu", "\"billing\":\"PAY_AS_YOU_GO\""), 422), "metricCode");
        assertProblem(draft.add(nimbus, resourceJson("cpu", "\"billing\":\"PAY_AS_YOU_GO\",\"metricCode\":\"cpu\""), 422), "metricCode");
        draft.metric(nimbus, "{\"code\":\"users\",\"name\":\"Users\",\"unit\":\"users\",\"kind\":\"GAUGE\",\"unitPrice\":2}", 201);
        assertProblem(draft.add(nimbus, resourceJson("seat-hours", "\"billing\":\"PAY_AS_YOU_GO\",\"metricCode\":\"users\""), 422),
                "metricCode");
        draft.metric(nimbus, "{\"code\":\"cpu\",\"name\":\"vCPU\",\"unit\":\"vCPU\",\"kind\":\"GAUGE\",\"unitPrice\":0}", 201);
        JsonNode cpu = resource(draft.add(nimbus, resourceJson("cpu", "\"billing\":\"PAY_AS_YOU_GO\",\"metricCode\":\"cpu\""), 201), "cpu");
        assertThat(cpu.get("billing").asText()).isEqualTo("PAY_AS_YOU_GO");
        assertThat(cpu.get("metricCode").asText()).isEqualTo("cpu");
        assertThat(cpu.get("prepaid").asBoolean()).isFalse();

        JsonNode read = Http.json(acme.get("/api/v1/products/" + draft.product(), Http.bearer(nimbus)));
        assertThat(resource(read, "disk").get("billing").asText()).isEqualTo("POST_PAID");
        assertThat(resource(read, "cpu").get("metricCode").asText()).isEqualTo("cpu");
    }

    @Test
    void aMetricTakesAnAbsoluteEndpointItsFrequencyAndAQuota() {
        String nimbus = acme.token("vendor@acme.test", "demo");
        Draft draft = draft(nimbus);

        assertProblem(draft.metric(nimbus, metricJson("\"endpoint\":\"/metric/users\",\"frequency\":\"EVERY_5_MINUTES\""), 422), "endpoint");
        assertProblem(draft.metric(nimbus, metricJson("\"endpoint\":\"https://api.example.com/u\""), 422), "frequency");
        assertProblem(draft.metric(nimbus, metricJson("\"endpoint\":\"https://api.example.com/u\",\"frequency\":\"HOURLY\""), 422),
                "frequency");
        assertProblem(draft.metric(nimbus, metricJson("\"quota\":0"), 422), "quota");
        assertProblem(draft.metric(nimbus, metricJson("\"quotaBlocking\":true"), 422), "quotaBlocking");
        assertProblem(draft.metric(nimbus, metricJson("\"aggregation\":\"AVERAGE\"").replace("GAUGE", "COUNTER"), 422), "aggregation");

        JsonNode plan = Http.json(draft.metric(nimbus, metricJson("\"endpoint\":\"https://api.example.com/usage/users\","
                + "\"frequency\":\"EVERY_5_MINUTES\",\"quota\":500.25,\"quotaBlocking\":true"), 201)).get("plans").get(0);
        JsonNode metric = plan.get("metrics").get(0);
        assertThat(metric.get("endpoint").asText()).isEqualTo("https://api.example.com/usage/users");
        assertThat(metric.get("frequency").asText()).isEqualTo("EVERY_5_MINUTES");
        assertThat(metric.get("quota").decimalValue()).isEqualByComparingTo("500.25");
        assertThat(metric.get("quotaBlocking").asBoolean()).isTrue();
        assertThat(metric.get("aggregation").asText()).isEqualTo("AVERAGE");
        JsonNode metrics = Http.json(draft.metric(nimbus, "{\"code\":\"calls\",\"name\":\"Calls\",\"unit\":\"calls\",\"kind\":\"COUNTER\","
                + "\"unitPrice\":0.01}", 201)).get("plans").get(0).get("metrics");
        assertThat(metrics).anySatisfy(counter -> {
            assertThat(counter.get("code").asText()).isEqualTo("calls");
            assertThat(counter.get("aggregation").asText()).as("a counter's default").isEqualTo("INCREASE");
        });
    }

    @Test
    void quotesPriceAPostPaidQuantityAndAPayAsYouGoEstimate() {
        // the demo Sandbox: 0.50 an hour for at least 24 hours, its Extra vCPU at 0.04 an hour measured by the gauge cpu
        JsonNode sandbox = Http.json(acme.get("/api/v1/catalog/nimbus-sandbox"));
        JsonNode hourly = sandbox.get("plans").get(0);
        JsonNode cpu = resource(sandbox, "cpu");
        assertThat(cpu.get("billing").asText()).isEqualTo("PAY_AS_YOU_GO");
        assertThat(cpu.get("metricCode").asText()).isEqualTo("cpu");
        assertThat(hourly.get("metrics")).anySatisfy(metric -> {
            assertThat(metric.get("code").asText()).isEqualTo("cpu");
            assertThat(metric.get("kind").asText()).isEqualTo("GAUGE");
            assertThat(metric.get("unitPrice").decimalValue()).isEqualByComparingTo("0");
        });
        JsonNode payg = quote(hourly.get("id").asLong(), "\"duration\":24,\"usage\":{\"cpu\":{\"quantity\":3}}");
        assertThat(payg.get("lines")).extracting(line -> line.get("type").asText()).containsExactly("LICENSE", "USAGE");
        assertThat(payg.get("lines").get(1).get("description").asText()).contains("Extra vCPU");
        assertThat(payg.get("lines").get(1).get("amount").decimalValue()).isEqualByComparingTo("2.88"); // 3 x 0.04 x 24 hours
        assertThat(payg.get("total").decimalValue()).isEqualByComparingTo("14.88");
        assertProblem(acme.postJson("/api/v1/quotes", "{\"planId\":" + hourly.get("id").asLong()
                + ",\"duration\":24,\"extraResources\":{\"cpu\":2}}"), "extraResources");

        // a vendor's own post-paid resource, quoted for its chosen quantity as billed at each period's end
        String nimbus = acme.token("vendor@acme.test", "demo");
        Draft draft = draft(nimbus);
        draft.add(nimbus, resourceJson("disk", "\"billing\":\"POST_PAID\""), 201);
        draft.add(nimbus, resourceJson("seats", "\"billing\":\"PRE_PAID\""), 201);
        draft.publish(nimbus, acme.token("admin@acme.test", "demo"));
        JsonNode quote = quote(draft.plan(), "\"duration\":1,\"extraResources\":{\"disk\":15,\"seats\":2}");
        assertThat(quote.get("lines")).extracting(line -> line.get("type").asText())
                .containsExactly("LICENSE", "POST_PAID_RESOURCE", "EXTRA_RESOURCE");
        assertThat(quote.get("lines").get(1).get("amount").decimalValue()).isEqualByComparingTo("63.00"); // DOMAIN's 15 tiered units
        assertThat(quote.get("lines").get(1).get("description").asText()).contains("billed at each period's end");
        assertThat(quote.get("total").decimalValue()).isEqualByComparingTo("80.00"); // 7.00 + 63.00 + 2 x 5.00
    }

    @Test
    void theDemoBackupPlansCarryABlockingAndAWarningQuotaShownWithoutTheirPollingTerms() {
        JsonNode backup = Http.json(acme.get("/api/v1/catalog/nimbus-backup"));
        JsonNode tiered = plan(backup, "Tiered storage").get("metrics").get(0);
        JsonNode volume = plan(backup, "Volume storage").get("metrics").get(0);

        assertThat(tiered.get("code").asText()).isEqualTo("bandwidth");
        assertThat(tiered.get("aggregation").asText()).isEqualTo("INCREASE");
        assertThat(tiered.get("quota").decimalValue()).isEqualByComparingTo("1000");
        assertThat(tiered.get("quotaBlocking").asBoolean()).isTrue();
        assertThat(volume.get("quota").decimalValue()).isEqualByComparingTo("2000");
        assertThat(volume.get("quotaBlocking").asBoolean()).isFalse();
        assertThat(tiered.path("endpoint").isMissingNode() || tiered.get("endpoint").isNull()).isTrue();
    }

    @Test
    void anotherVendorOrTenantNeitherReadsNorChangesTheBillingOfAResource() {
        String nimbus = acme.token("vendor@acme.test", "demo");
        Draft draft = draft(nimbus);
        long resource = resource(draft.add(nimbus, resourceJson("disk", "\"billing\":\"POST_PAID\""), 201), "disk").get("id").asLong();
        String path = "/api/v1/products/" + draft.product() + "/plans/" + draft.plan() + "/extra-resources/" + resource;
        String toPrepaid = resourceJson("disk", "\"billing\":\"PRE_PAID\"");
        String orbit = acme.token("vendor2@acme.test", "demo");
        String globexVendor = globex.token("vendor@globex.test", "demo");

        assertThat(acme.get("/api/v1/products/" + draft.product(), Http.bearer(orbit)).statusCode()).isEqualTo(404);
        assertThat(acme.putJson(path, toPrepaid, Http.bearer(orbit)).statusCode()).as("another vendor").isEqualTo(404);
        assertThat(globex.get("/api/v1/products/" + draft.product(), Http.bearer(globexVendor)).statusCode()).isEqualTo(404);
        assertThat(globex.putJson(path, toPrepaid, Http.bearer(globexVendor)).statusCode()).as("another tenant's vendor").isEqualTo(404);
        assertThat(globex.postJson("/api/v1/products/" + draft.product() + "/plans/" + draft.plan() + "/metrics", metricJson(null),
                Http.bearer(globexVendor)).statusCode()).isEqualTo(404);

        JsonNode still = Http.json(acme.get("/api/v1/products/" + draft.product(), Http.bearer(nimbus)));
        assertThat(resource(still, "disk").get("billing").asText()).isEqualTo("POST_PAID");
        assertThat(still.get("plans").get(0).get("metrics")).isEmpty();
        HttpResponse<String> own = acme.putJson(path, toPrepaid, Http.bearer(nimbus));
        assertThat(own.statusCode()).as("%s", own.body()).isEqualTo(200);
        assertThat(resource(Http.json(own), "disk").get("billing").asText()).isEqualTo("PRE_PAID");
    }

    @Test
    void aPostPaidQuantityChangesAtOnceWithoutAProrationAndAPayAsYouGoOneIsNotChosen() {
        Http cloudy = Http.host("cloudy.acme.localhost");
        String email = SignUpIT.newCustomer(cloudy);
        String token = cloudy.token(email, SignUpIT.PASSWORD);
        // a window's snapshot whose storage is billed at the period's end, beside a pay-as-you-go vCPU
        String prices = SubscriptionFixtures.snapshot("Basic", "5.04", "2.50")
                .replace("\"prepaid\":true}", "\"billing\":\"POST_PAID\",\"metricCode\":null},{\"code\":\"cpu\",\"name\":\"vCPU\","
                        + "\"unit\":\"vCPU\",\"scheme\":\"TIERED\",\"tiers\":[{\"from\":1,\"price\":\"0.04\",\"to\":null}],"
                        + "\"billing\":\"PAY_AS_YOU_GO\",\"metricCode\":\"cpu\"}");
        assertThat(prices).contains("POST_PAID", "PAY_AS_YOU_GO");
        long id = SubscriptionFixtures.cloudyMail(email, new SubscriptionFixtures.Spec("NORMAL", "DEPLOYED", "Basic", prices,
                "storage=3", null, false));
        String changes = "/api/v1/subscriptions/" + id + "/changes";

        JsonNode order = Http.json(expect(cloudy.postJson(changes, "{\"type\":\"BILLING_ITEM_UPGRADE\",\"extraResources\":{\"storage\":5}}",
                Http.bearer(token)), 201));

        assertThat(order.get("status").asText()).as("nothing charged now: billed at the period's end").isEqualTo("FREE");
        assertThat(order.get("total").decimalValue()).isEqualByComparingTo("0");
        assertThat(TestDatabase.query("SELECT kind FROM proceed WHERE order_id = ?", order.get("id").asLong())).isEmpty();
        assertThat(SubscriptionFixtures.one("SELECT extra_resources FROM subscription WHERE id = ?", id)).isEqualTo("storage=5");
        assertProblem(cloudy.postJson(changes, "{\"type\":\"BILLING_ITEM_UPGRADE\",\"extraResources\":{\"cpu\":2}}", Http.bearer(token)),
                "extraResources");
        assertThat(SubscriptionFixtures.one("SELECT extra_resources FROM subscription WHERE id = ?", id)).isEqualTo("storage=5");
    }

    /** A vendor's new draft product with one monthly plan of 7.00. */
    private Draft draft(String token) {
        HttpResponse<String> created = acme.postJson("/api/v1/products", "{\"name\":\"Nimbus Meter " + UUID.randomUUID().toString().substring(0, 8)
                + "\",\"summary\":\"A test product\",\"tags\":[\"test\"]}", Http.bearer(token));
        assertThat(created.statusCode()).as("%s", created.body()).isEqualTo(201);
        long product = Http.json(created).get("id").asLong();
        HttpResponse<String> withPlan = acme.postJson("/api/v1/products/" + product + "/plans",
                "{\"name\":\"Standard\",\"licensePrice\":7.00,\"billingFrequency\":1,\"billingUnit\":\"MONTHS\"}", Http.bearer(token));
        assertThat(withPlan.statusCode()).as("%s", withPlan.body()).isEqualTo(201);
        return new Draft(product, Http.json(withPlan).get("plans").get(0).get("id").asLong());
    }

    private final class Draft {
        private final long product;
        private final long plan;

        Draft(long product, long plan) {
            this.product = product;
            this.plan = plan;
        }

        long product() {
            return product;
        }

        long plan() {
            return plan;
        }

        HttpResponse<String> add(String token, String json, int status) {
            return expect(acme.postJson("/api/v1/products/" + product + "/plans/" + plan + "/extra-resources", json, Http.bearer(token)),
                    status);
        }

        HttpResponse<String> metric(String token, String json, int status) {
            return expect(acme.postJson("/api/v1/products/" + product + "/plans/" + plan + "/metrics", json, Http.bearer(token)), status);
        }

        void publish(String vendor, String admin) {
            expect(acme.postJson("/api/v1/products/" + product + "/submit", "", Http.bearer(vendor)), 200);
            expect(acme.postJson("/api/v1/products/" + product + "/approve", "{\"reason\":\"Metered\"}", Http.bearer(admin)), 200);
            expect(acme.postJson("/api/v1/products/" + product + "/publish", "", Http.bearer(vendor)), 200);
        }
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as("%s", response.body()).isEqualTo(status);
        return response;
    }

    /** DOMAIN.md's tiers: 1-9 at 5.00, 10+ at 3.00 (15 tiered units: 63.00). */
    private static String resourceJson(String code, String billing) {
        return "{\"code\":\"" + code + "\",\"name\":\"Res " + code + "\",\"unit\":\"units\"," + (billing == null ? "" : billing + ",")
                + "\"scheme\":\"TIERED\",\"tiers\":[{\"from\":1,\"to\":9,\"price\":5.00},{\"from\":10,\"price\":3.00}]}";
    }

    private static String metricJson(String extra) {
        return "{\"code\":\"users\",\"name\":\"Users\",\"unit\":\"users\",\"kind\":\"GAUGE\",\"unitPrice\":2"
                + (extra == null ? "" : "," + extra) + "}";
    }

    private JsonNode quote(long plan, String fields) {
        return Http.json(expect(acme.postJson("/api/v1/quotes", "{\"planId\":" + plan + "," + fields + "}"), 200));
    }

    private static JsonNode plan(JsonNode product, String name) {
        for (JsonNode plan : product.get("plans")) {
            if (plan.get("name").asText().equals(name)) {
                return plan;
            }
        }
        throw new AssertionError(product.get("name") + " has no plan " + name);
    }

    /** The extra resource of that code in a product's (first) plan, or a response's. */
    private static JsonNode resource(JsonNode product, String code) {
        for (JsonNode plan : product.get("plans")) {
            for (JsonNode resource : plan.get("extraResources")) {
                if (resource.get("code").asText().equals(code)) {
                    return resource;
                }
            }
        }
        throw new AssertionError(product.get("name") + " has no extra resource " + code);
    }

    private static JsonNode resource(HttpResponse<String> response, String code) {
        return resource(Http.json(response), code);
    }

    private static void assertProblem(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as("%s", response.body()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(Http.json(response).path("field").asText()).as("%s", response.body()).isEqualTo(field);
    }
}
