package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * What the lifecycle ITs (LifecycleRunIT, ManualRenewalIT) do on acme through its API: a fresh marketplace customer's
 * Nimbus Mail Basic (monthly, a one-month window) bought and its first invoice paid by bank transfer, an invoice paid,
 * a lifecycle run started by acme's ADMIN and awaited.
 */
final class AcmeLifecycle {

    static final ZoneId ACME_ZONE = ZoneId.of("Europe/Rome");
    static final Duration WAIT = Duration.ofSeconds(60);

    private static final Http ACME = Http.host("acme.localhost");

    /** A purchase: who bought, its subscription and its first invoice. */
    record Bought(Buyer buyer, long subscriptionId, long invoiceId) {
    }

    private AcmeLifecycle() {
    }

    /** Bought and paid: DEPLOYED. */
    static Bought buyAndPay(String label) {
        Buyer buyer = Buyer.newCustomer("admin@acme.test", ACME, label);
        HttpResponse<String> placed = ACME.postJson("/api/v1/orders", "{\"planId\":" + mailBasic() + ",\"duration\":1,"
                + "\"paymentMethod\":\"BANK_TRANSFER\"}", buyer.auth());
        assertThat(placed.statusCode()).as("%s", placed.body()).isEqualTo(201);
        JsonNode order = Http.json(placed);
        Bought bought = new Bought(buyer, order.get("subscriptionId").asLong(), order.get("invoiceId").asLong());
        HttpResponse<String> paid = pay(bought.invoiceId(), "LIFE-FIRST-" + bought.invoiceId());
        assertThat(paid.statusCode()).as("%s", paid.body()).isEqualTo(200);
        assertThat(SubscriptionFixtures.one("SELECT deployment_status FROM subscription WHERE id = ?", bought.subscriptionId()))
                .isEqualTo("DEPLOYED");
        return bought;
    }

    /** The invoice's total paid by bank transfer today, as acme's ADMIN records it. */
    static HttpResponse<String> pay(long invoiceId, String reference) {
        String total = SubscriptionFixtures.one("SELECT total FROM invoice WHERE id = ?", invoiceId);
        return ACME.postJson("/api/v1/invoices/" + invoiceId + "/payments", "{\"reference\":\"" + reference + "\",\"date\":\""
                + LocalDate.now(ACME_ZONE) + "\",\"amount\":" + total + "}", Http.bearer(admin()));
    }

    /** Starts acme's lifecycle run at {@code at}; its id. */
    static long run(Instant at) {
        HttpResponse<String> started = ACME.postJson("/api/v1/lifecycle-runs", "{\"at\":\"" + at + "\"}", Http.bearer(admin()));
        assertThat(started.statusCode()).as("%s", started.body()).isEqualTo(202);
        return Http.json(started).get("id").asLong();
    }

    /** Waits for the run to complete (a failed one fails the test with its exit status). */
    static long completed(long runId) {
        String admin = admin();
        JsonNode run = Eventually.find("lifecycle run " + runId + " ended", WAIT, () -> {
            JsonNode read = Http.json(ACME.get("/api/v1/lifecycle-runs/" + runId, Http.bearer(admin)));
            return List.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED").contains(read.get("status").asText()) ? Optional.of(read) : Optional.empty();
        });
        assertThat(run.get("status").asText()).as("%s", run).isEqualTo("COMPLETED");
        return runId;
    }

    static String admin() {
        return ACME.token("admin@acme.test", "demo");
    }

    private static long mailBasic() {
        JsonNode product = Http.json(ACME.get("/api/v1/catalog/nimbus-mail"));
        for (JsonNode plan : product.get("plans")) {
            if (plan.get("name").asText().equals("Basic")) {
                return plan.get("id").asLong();
            }
        }
        throw new AssertionError("Nimbus Mail has no plan Basic: " + product);
    }
}
