package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, Quotas: readings pushed through POST /api/v1/usage for Nimbus Desk subscriptions bought by fresh customers, the
 * quotas set with SQL on the demo plans' metrics (the catalog's API takes quotas with the catalog stream): "Team"'s tickets
 * (a counter, 2000 a period, not blocking) and "Pay per user"'s users (a gauge, 10, blocking); "Team" also gets a users
 * metric with a bigger blocking quota (50), the plan a blocked customer upgrades to. Everything set is restored afterwards.
 * The folder folds every second and checks the quotas after each fold.
 */
class QuotasIT extends EarIT {

    private static final ZoneId ACME_ZONE = ZoneId.of("Europe/Rome");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Http acme = Http.host("acme.localhost");

    private static String teamPlan;
    private static String perUserPlan;
    private static String teamTickets;
    private static String perUserUsers;
    private static String ticketsAggregation;

    /** Before any customer is made: the writes that follow drop the tenant's cached catalog, so the server reads these. */
    @BeforeAll
    static void quotas() {
        String desk = "SELECT p.id FROM plan p JOIN product r ON r.id = p.product_id JOIN tenant t ON t.id = r.tenant_id"
                + " WHERE t.slug = 'acme' AND r.name = 'Nimbus Desk' AND p.name = ?";
        teamPlan = one(desk, "Team");
        perUserPlan = one(desk, "Pay per user");
        teamTickets = one("SELECT id FROM metric WHERE plan_id = ? AND code = 'tickets'", teamPlan);
        perUserUsers = one("SELECT id FROM metric WHERE plan_id = ? AND code = 'users'", perUserPlan);
        ticketsAggregation = one("SELECT aggregation FROM metric WHERE id = ?", teamTickets);
        // a counter is billed by its INCREASE (metering-catalog.xml migrates the demo's AVERAGE counters so)
        TestDatabase.update("UPDATE metric SET quota = 2000, quota_blocking = FALSE, aggregation = 'INCREASE' WHERE id = ?", teamTickets);
        TestDatabase.update("UPDATE metric SET quota = 10, quota_blocking = TRUE WHERE id = ?", perUserUsers);
        TestDatabase.update("INSERT INTO metric (tenant_id, plan_id, code, name, kind, aggregation, unit, included_quantity, unit_price,"
                + " quota, quota_blocking) SELECT tenant_id, id, 'users', 'Users', 'GAUGE', 'AVERAGE', 'users', 0, 1.00, 50, TRUE"
                + " FROM plan WHERE id = ?", teamPlan);
    }

    @AfterAll
    static void restore() {
        TestDatabase.update("UPDATE metric SET quota = NULL, quota_blocking = FALSE, aggregation = ? WHERE id = ?", ticketsAggregation, teamTickets);
        TestDatabase.update("UPDATE metric SET quota = NULL, quota_blocking = FALSE WHERE id = ?", perUserUsers);
        TestDatabase.update("DELETE FROM metric WHERE plan_id = ? AND code = 'users'", teamPlan);
    }

    @Test
    void crossingNinetyPercentTellsTheCustomerOnceHoweverManyReadingsFollow() throws InterruptedException {
        Buyer buyer = Buyer.newCustomer("admin@acme.test", acme, "Quote");
        long subscription = deployed(buyer, teamPlan);

        push(subscription, "tickets", 1000);
        // three batches at once cross 90 % (1800 of 2000): the checks race, one alert wins (quota_alert's unique key)
        Instant base = Instant.now();
        List<CompletableFuture<Void>> parallel = IntStream.range(0, 3).mapToObj(i -> CompletableFuture.runAsync(() ->
                push(subscription, "tickets", 1850 + 50 * i, base.plusMillis(10L * i)))).toList();
        parallel.forEach(CompletableFuture::join);
        // and four readers at once: each folds what is dirty and checks the quotas, beside the fold timer
        List<CompletableFuture<JsonNode>> readers = IntStream.range(0, 4).mapToObj(i -> CompletableFuture.supplyAsync(() ->
                summary(buyer.token(), subscription))).toList();
        readers.forEach(CompletableFuture::join);
        CaughtMail warning = MailCatcher.awaitMails(buyer.email(), mail -> mail.subject().contains("of its quota"), 1, WAIT).get(0);
        assertThat(warning.subject()).contains("Tickets").contains("Nimbus Desk Team");
        assertThat(warning.link("/account/subscriptions.xhtml?subscription=" + subscription)).startsWith("http");
        push(subscription, "tickets", 1990);
        push(subscription, "tickets", 2100);
        awaitFolded(subscription);

        assertThat(MailCatcher.received(buyer.email()).stream().filter(mail -> mail.subject().contains("of its quota")).count())
                .as("one warning a period").isEqualTo(1);
        assertThat(one("SELECT COUNT(*) FROM message WHERE organization_id = ? AND subject LIKE 'Quota nearly used%'", buyer.id()))
                .as("one in-app message").isEqualTo("1");
        assertThat(one("SELECT COUNT(*) FROM quota_alert WHERE subscription_id = ? AND level = 'WARNING'", subscription)).isEqualTo("1");
        assertThat(one("SELECT deployment_status FROM subscription WHERE id = ?", subscription)).as("not blocking").isEqualTo("DEPLOYED");

        // the summary: 2100 tickets so far, 1000 included, the rest at the subscription's sell-out unit price
        JsonNode tickets = metric(summary(buyer.token(), subscription), "tickets");
        BigDecimal unitPrice = sellOutUnitPrice(subscription, "tickets");
        assertThat(tickets.get("measured").decimalValue()).isEqualByComparingTo("2100");
        assertThat(tickets.get("included").decimalValue()).isEqualByComparingTo("1000");
        assertThat(tickets.get("estimatedCost").decimalValue()).isEqualByComparingTo(unitPrice.multiply(new BigDecimal("1100"))
                .setScale(2, java.math.RoundingMode.HALF_UP));
        assertThat(tickets.get("currency").asText()).isEqualTo("EUR");
        assertThat(tickets.get("quota").decimalValue()).isEqualByComparingTo("2000");
        assertThat(tickets.get("quotaPercent").decimalValue()).isEqualByComparingTo("105.00");
    }

    @Test
    void aBlockingQuotaStopsTheSubscriptionAndAPlanWithABiggerQuotaResumesIt() {
        Buyer buyer = Buyer.newCustomer("admin@acme.test", acme, "Quote");
        long subscription = deployed(buyer, perUserPlan);

        push(subscription, "users", 8);
        push(subscription, "users", 12);

        Eventually.holds("stopped for its quota", WAIT, () -> one("SELECT CONCAT(deployment_status, ' ', COALESCE(stop_reason, '-'))"
                + " FROM subscription WHERE id = ?", subscription).equals("STOPPED QUOTA"));
        CaughtMail blocked = MailCatcher.awaitMails(buyer.email(), mail -> mail.subject().contains("is suspended"), 1, WAIT).get(0);
        assertThat(blocked.link("/account/subscriptions.xhtml?subscription=" + subscription)).startsWith("http");
        assertThat(one("SELECT COUNT(*) FROM quota_alert WHERE subscription_id = ? AND level = 'BLOCKED'", subscription)).isEqualTo("1");
        JsonNode users = metric(summary(buyer.token(), subscription), "users");
        assertThat(users.get("quotaPercent").decimalValue()).as("the peak, 12 of 10").isEqualByComparingTo("120.00");

        HttpResponse<String> upgrade = acme.postJson("/api/v1/subscriptions/" + subscription + "/changes",
                "{\"type\":\"SYNDICATED_UPGRADE\",\"planId\":" + teamPlan + "}", buyer.auth());

        assertThat(upgrade.statusCode()).as("%s", upgrade.body()).isEqualTo(201);
        assertThat(one("SELECT CONCAT(deployment_status, ' ', COALESCE(stop_reason, '-'), ' ', plan_id) FROM subscription WHERE id = ?",
                subscription)).as("12 of Team's 50: resumed").isEqualTo("DEPLOYED - " + teamPlan);
    }

    @Test
    void theSummaryIsTheCustomersTheVendorsAndStaffsAndNobodyElses() {
        Buyer buyer = Buyer.newCustomer("admin@acme.test", acme, "Quote");
        long subscription = deployed(buyer, perUserPlan);
        String path = "/api/v1/subscriptions/" + subscription + "/usage/summary";

        for (String reader : List.of("vendor@acme.test", "admin@acme.test")) {
            HttpResponse<String> read = acme.get(path, Http.bearer(acme.token(reader, "demo")));
            assertThat(read.statusCode()).as("%s: %s", reader, read.body()).isEqualTo(200);
            assertThat(metric(Http.json(read), "users").get("quota").decimalValue()).isEqualByComparingTo("10");
        }
        Buyer other = Buyer.newCustomer("admin@acme.test", acme, "Altro");
        assertThat(acme.get(path, other.auth()).statusCode()).as("another customer").isEqualTo(404);
        Http globex = Http.host("globex.localhost");
        assertThat(globex.get(path, Http.bearer(globex.token("admin@globex.test", "demo"))).statusCode()).as("another tenant").isEqualTo(404);
    }

    // --- helpers ---

    /** Bought on the marketplace's storefront, paid when it costs something, and provisioned. */
    private long deployed(Buyer buyer, String plan) {
        HttpResponse<String> placed = acme.postJson("/api/v1/orders", "{\"planId\":" + plan + ",\"duration\":1}", buyer.auth());
        assertThat(placed.statusCode()).as("%s", placed.body()).isEqualTo(201);
        JsonNode order = Http.json(placed);
        long subscription = order.get("subscriptionId").asLong();
        if (!order.get("invoiceId").isNull() && order.get("total").decimalValue().signum() > 0) {
            String total = one("SELECT total FROM invoice WHERE id = ?", order.get("invoiceId").asLong());
            HttpResponse<String> paid = acme.postJson("/api/v1/invoices/" + order.get("invoiceId").asLong() + "/payments",
                    "{\"reference\":\"QUOTA-" + Unique.suffix() + "\",\"date\":\"" + LocalDate.now(ACME_ZONE) + "\",\"amount\":" + total + "}",
                    Http.bearer(acme.token("admin@acme.test", "demo")));
            assertThat(paid.statusCode()).as("%s", paid.body()).isEqualTo(200);
        }
        Eventually.holds("subscription " + subscription + " deployed", WAIT,
                () -> one("SELECT deployment_status FROM subscription WHERE id = ?", subscription).equals("DEPLOYED"));
        return subscription;
    }

    private void push(long subscription, String metric, long value) {
        push(subscription, metric, value, Instant.now());
    }

    /** One reading, by the tenant's staff (who may send for any subscription), ACCEPTED. */
    private void push(long subscription, String metric, long value, Instant at) {
        HttpResponse<String> sent = acme.postJson("/api/v1/usage", "{\"readings\":[{\"id\":\"quota-" + Unique.suffix() + "\",\"subscriptionId\":"
                + subscription + ",\"metric\":\"" + metric + "\",\"value\":" + value + ",\"at\":\"" + at + "\"}]}",
                Http.bearer(acme.token("admin@acme.test", "demo")));
        assertThat(sent.statusCode()).as("%s", sent.body()).isEqualTo(200);
        assertThat(Http.json(sent).get("results").get(0).get("status").asText()).as("%s", sent.body()).isEqualTo("ACCEPTED");
    }

    /** Every series of the subscription folded (and so checked), then two more rounds of the 1-second fold timer. */
    private static void awaitFolded(long subscription) throws InterruptedException {
        Eventually.holds("folded", WAIT, () -> one("SELECT COUNT(*) FROM usage_series WHERE subscription_id = ? AND dirty_from IS NOT NULL",
                subscription).equals("0"));
        Thread.sleep(2000);
    }

    private JsonNode summary(String token, long subscription) {
        HttpResponse<String> read = acme.get("/api/v1/subscriptions/" + subscription + "/usage/summary", Http.bearer(token));
        assertThat(read.statusCode()).as("%s", read.body()).isEqualTo(200);
        return Http.json(read);
    }

    private static JsonNode metric(JsonNode summary, String code) {
        List<JsonNode> found = new ArrayList<>();
        summary.get("metrics").forEach(metric -> {
            if (metric.get("metric").asText().equals(code)) {
                found.add(metric);
            }
        });
        assertThat(found).as("%s in %s", code, summary).hasSize(1);
        return found.get(0);
    }

    private static BigDecimal sellOutUnitPrice(long subscription, String code) {
        JsonNode metrics = Http.json(one("SELECT prices FROM subscription WHERE id = ?", subscription)).get("sellOut").get("metrics");
        for (JsonNode metric : metrics) {
            if (metric.get("code").asText().equals(code)) {
                return new BigDecimal(metric.get("unitPrice").asText());
            }
        }
        throw new AssertionError("No " + code + " in the sell-out prices: " + metrics);
    }

    private static String one(String sql, Object... parameters) {
        return SubscriptionFixtures.one(sql, parameters);
    }
}
