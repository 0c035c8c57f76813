package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * GET /subscriptions[/{id}] against the demo's channel (acme: Cloudy Partners under Boreal, Bright
 * IT under Alpine; Nimbus Software's products): each party sees what its scope allows, the rest is a
 * 404; vendors and distributors without buyer details. Subscriptions come from SubscriptionFixtures.
 */
class SubscriptionsIT extends EarIT {

    private final Http acme = Http.host("acme.localhost");
    private final Http cloudy = Http.host("cloudy.acme.localhost");
    private final Http bright = Http.host("reseller.acme.localhost");
    private final Http globex = Http.host("globex.localhost");

    private static SubscriptionFixtures.Spec running(String plan) {
        return new SubscriptionFixtures.Spec("NORMAL", "DEPLOYED", plan, SubscriptionFixtures.snapshot(plan, "5.04", null), "", null, false);
    }

    @Test
    void eachPartySeesWhatItsScopeAllowsAndTheRestIsNotFound() {
        String email = SignUpIT.newCustomer(cloudy);
        long id = SubscriptionFixtures.cloudyMail(email, running("Basic"));
        String path = "/api/v1/subscriptions/" + id;

        JsonNode own = Http.json(cloudy.get(path, Http.bearer(cloudy.token(email, SignUpIT.PASSWORD))));
        assertThat(own.get("id").asLong()).isEqualTo(id);
        assertThat(own.get("type").asText()).isEqualTo("NORMAL");
        assertThat(own.get("deploymentStatus").asText()).isEqualTo("DEPLOYED");
        assertThat(own.get("productName").asText()).isEqualTo("Nimbus Mail");
        assertThat(own.get("planName").asText()).isEqualTo("Basic");
        assertThat(own.get("customerId").asLong()).as("the customer sees itself").isPositive();
        assertThat(own.get("currency").asText()).isEqualTo("EUR");
        assertThat(own.get("autoRenew").asBoolean()).isTrue();
        assertThat(own.get("changelog").isArray()).isTrue();

        HttpResponse<String> seller = acme.get(path, Http.bearer(acme.token("reseller2@acme.test", "demo")));
        assertThat(seller.statusCode()).as("Cloudy sold it: %s", seller.body()).isEqualTo(200);
        assertThat(Http.json(seller).get("customerId").asLong()).isEqualTo(own.get("customerId").asLong());

        HttpResponse<String> vendor = acme.get(path, Http.bearer(acme.token("vendor@acme.test", "demo")));
        assertThat(vendor.statusCode()).as("its vendor: %s", vendor.body()).isEqualTo(200);
        assertThat(absent(Http.json(vendor), "customerId")).as("a vendor gets no buyer details").isTrue();

        HttpResponse<String> distributor = acme.get(path, Http.bearer(acme.token("distributor2@acme.test", "demo")));
        assertThat(distributor.statusCode()).as("Boreal, Cloudy's distributor: %s", distributor.body()).isEqualTo(200);
        assertThat(absent(Http.json(distributor), "customerId")).as("a distributor gets no buyer details").isTrue();

        assertThat(acme.get(path, Http.bearer(acme.token("admin@acme.test", "demo"))).statusCode()).isEqualTo(200);
        String brightToken = acme.token("reseller@acme.test", "demo");
        assertThat(acme.get(path, Http.bearer(brightToken)).statusCode()).as("another reseller").isEqualTo(404);
        assertThat(ids(acme, "/api/v1/subscriptions?limit=100", brightToken)).doesNotContain(id);
        assertThat(acme.get(path, Http.bearer(acme.token("distributor@acme.test", "demo"))).statusCode()).as("another distributor")
                .isEqualTo(404);
        assertThat(acme.get(path, Http.bearer(acme.token("vendor2@acme.test", "demo"))).statusCode()).as("another vendor").isEqualTo(404);
        assertThat(bright.get(path, Http.bearer(bright.token("customer@acme.test", "demo"))).statusCode()).as("another customer")
                .isEqualTo(404);
        String globexAdmin = globex.token("admin@globex.test", "demo");
        assertThat(globex.get(path, Http.bearer(globexAdmin)).statusCode()).as("another tenant").isEqualTo(404);
        assertThat(ids(globex, "/api/v1/subscriptions?limit=100", globexAdmin)).doesNotContain(id);
        assertThat(acme.get(path).statusCode()).as("anonymous").isEqualTo(401);
    }

    @Test
    void theListPagesByCursorNewestFirstAndFiltersByStatusAndType() {
        String email = SignUpIT.newCustomer(cloudy);
        String token = cloudy.token(email, SignUpIT.PASSWORD);
        long first = SubscriptionFixtures.cloudyMail(email, running("Basic"));
        long second = SubscriptionFixtures.cloudyMail(email, running("Pro"));
        long trial = SubscriptionFixtures.cloudyMail(email, new SubscriptionFixtures.Spec("TRIAL", "DEPLOYED", "Basic",
                SubscriptionFixtures.snapshot("Basic", "5.04", null), "", 240, false));

        JsonNode page = Http.json(cloudy.get("/api/v1/subscriptions?limit=2", Http.bearer(token)));
        assertThat(page.get("items")).extracting(item -> item.get("id").asLong()).containsExactly(trial, second);
        String cursor = page.get("nextCursor").asText();
        JsonNode last = Http.json(cloudy.get("/api/v1/subscriptions?limit=2&cursor=" + cursor, Http.bearer(token)));
        assertThat(last.get("items")).extracting(item -> item.get("id").asLong()).containsExactly(first);
        assertThat(absent(last, "nextCursor")).as("the last page").isTrue();

        assertThat(ids(cloudy, "/api/v1/subscriptions?type=TRIAL", token)).containsExactly(trial);
        assertThat(ids(cloudy, "/api/v1/subscriptions?type=NORMAL&status=DEPLOYED", token)).containsExactly(second, first);
        assertThat(ids(cloudy, "/api/v1/subscriptions?status=UNDEPLOYED", token)).isEmpty();
        assertThat(ids(cloudy, "/api/v1/subscriptions?to=2000-01-01", token)).isEmpty();

        HttpResponse<String> bad = cloudy.get("/api/v1/subscriptions?status=ASLEEP", Http.bearer(token));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(Http.json(bad).get("field").asText()).isEqualTo("status");
        assertThat(Http.json(cloudy.get("/api/v1/subscriptions?cursor=nonsense", Http.bearer(token))).get("field").asText())
                .isEqualTo("cursor");
    }

    @Test
    void theCustomersDataExportHoldsItsSubscriptionsWithTheirChangelog() {
        String email = SignUpIT.newCustomer(cloudy);
        String token = cloudy.token(email, SignUpIT.PASSWORD);
        long id = SubscriptionFixtures.cloudyMail(email, running("Basic"));
        HttpResponse<String> unsubscribed = cloudy.postJson("/api/v1/subscriptions/" + id + "/changes",
                "{\"type\":\"UNSUBSCRIBE\",\"reason\":\"moving on\"}", Http.bearer(token));
        assertThat(unsubscribed.statusCode()).as("%s", unsubscribed.body()).isEqualTo(201);
        long customer = Http.json(cloudy.get("/api/v1/subscriptions/" + id, Http.bearer(token))).get("customerId").asLong();

        HttpResponse<String> export = cloudy.get("/api/v1/customers/" + customer + "/export", Http.bearer(token));

        assertThat(export.statusCode()).as("%s", export.body()).isEqualTo(200);
        JsonNode subscriptions = Http.json(export).get("subscriptions");
        assertThat(subscriptions).hasSize(1);
        assertThat(subscriptions.get(0).get("id").asLong()).isEqualTo(id);
        JsonNode line = subscriptions.get(0).get("changelog").get(0);
        assertThat(line.get("what").asText()).isEqualTo("AUTO_RENEW");
        assertThat(line.get("reason").asText()).isEqualTo("moving on");
    }

    /** JSON-B leaves nulls out. */
    private static boolean absent(JsonNode node, String field) {
        return node.path(field).isMissingNode() || node.path(field).isNull();
    }

    private static List<Long> ids(Http host, String path, String token) {
        HttpResponse<String> response = host.get(path, Http.bearer(token));
        assertThat(response.statusCode()).as("%s", response.body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        Http.json(response).get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }
}
