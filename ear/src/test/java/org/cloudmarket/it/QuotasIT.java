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
        // "Pay per user" counts tickets too (no quota): a plan change to "Team" carries the counter on
        TestDatabase.update("INSERT INTO metric (tenant_id, plan_id, code, name, kind, aggregation, unit, included_quantity, unit_price,"
                + " quota_blocking) SELECT tenant_id, id, 'tickets', 'Tickets', 'COUNTER', 'INCREASE', 'tickets', 0, 0.05, FALSE"
                + " FROM plan WHERE id = ?", perUserPlan);
    }

    @AfterAll
    static void restore() {
        for (String added : List.of(one("SELECT id FROM metric WHERE plan_id = ? AND code = 'users'", teamPlan),
                one("SELECT id FROM metric WHERE plan_id = ? AND code = 'tickets'", perUserPlan))) {
            for (String table : List.of("usage_reading", "usage_hour", "usage_series", "quota_alert", "metric_poll")) {
                TestDatabase.update("DELETE FROM " + table + " WHERE metric_id = ?", added);
            }
        }
        TestDatabase.update("UPDATE metric SET quota = NULL, quota_blocking = FALSE, aggregation = ? WHERE id = ?", ticketsAggregation, teamTickets);
        TestDatabase.update("UPDATE metric SET quota = NULL, quota_blocking = FALSE WHERE id = ?", perUserUsers);
        TestDatabase.update("DELETE FROM metric WHERE plan_id = ? AND code = 'users'", teamPlan);
        TestDatabase.update("DELETE FROM metric WHERE plan_id = ? AND code = 'tickets'", perUserPlan);
    }

    @Test
    void crossingNinetyPercentTellsTheCustomerOnceHoweverManyReadingsFollow() {
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
        awaitFolded(subscription, "2100");

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

        push(subscription, "tickets", 1800);
        push(subscription, "users", 8);
        push(subscription, "users", 12);

        Eventually.holds("stopped for its quota", WAIT, () -> one("SELECT CONCAT(deployment_status, ' ', COALESCE(stop_reason, '-'))"
                + " FROM subscription WHERE id = ?", subscription).equals("STOPPED QUOTA"));
        CaughtMail blocked = MailCatcher.awaitMails(buyer.email(), mail -> mail.subject().contains("is suspended"), 1, WAIT).get(0);
        assertThat(blocked.link("/account/subscriptions.xhtml?subscription=" + subscription)).startsWith("http");
        assertThat(one("SELECT COUNT(*) FROM quota_alert WHERE subscription_id = ? AND level = 'BLOCKED'", subscription)).isEqualTo("1");
        JsonNode users = metric(summary(buyer.token(), subscription), "users");
        assertThat(users.get("quotaPercent").decimalValue()).as("the peak, 12 of 10").isEqualByComparingTo("120.00");

        HttpResponse<String> more = acme.postJson("/api/v1/subscriptions/" + subscription + "/changes",
                "{\"type\":\"BILLING_ITEM_UPGRADE\",\"extraResources\":{}}", buyer.auth());
        assertThat(more.statusCode()).as("extra resources lift no quota: %s", more.body()).isEqualTo(409);
        assertThat(Http.json(more).get("detail").asText()).contains("QUOTA").contains("SYNDICATED_UPGRADE");

        HttpResponse<String> upgrade = acme.postJson("/api/v1/subscriptions/" + subscription + "/changes",
                "{\"type\":\"SYNDICATED_UPGRADE\",\"planId\":" + teamPlan + "}", buyer.auth());

        assertThat(upgrade.statusCode()).as("%s", upgrade.body()).isEqualTo(201);
        assertThat(one("SELECT CONCAT(deployment_status, ' ', COALESCE(stop_reason, '-'), ' ', plan_id) FROM subscription WHERE id = ?",
                subscription)).as("12 of Team's 50: resumed").isEqualTo("DEPLOYED - " + teamPlan);
        // (a check may warn of Team's tickets meanwhile: 1800 of its 2000 were used before the change)
        assertThat(one("SELECT COUNT(*) FROM quota_alert WHERE subscription_id = ? AND level = 'BLOCKED'", subscription))
                .as("the old plan's alerts forgotten").isEqualTo("0");
        assertThat(one("SELECT CONCAT(r.source, ' ', r.value) FROM usage_reading r JOIN metric m ON m.id = r.metric_id"
                + " WHERE r.subscription_id = ? AND m.plan_id = ? AND m.code = 'users' AND r.external_id LIKE 'close:%'", subscription, perUserPlan))
                .as("the old plan's gauge closed at the change").isEqualTo("RESET 0.000000");

        // the counter goes on from 1800 on the new plan's metric: 50 more, not 1850
        push(subscription, "tickets", 1850);
        JsonNode tickets = Eventually.find("the new plan's tickets folded", WAIT, () -> java.util.Optional.of(metric(summary(buyer.token(),
                subscription), "tickets")).filter(metric -> metric.get("measured").decimalValue().signum() > 0));
        assertThat(tickets.get("measured").decimalValue()).as("%s", tickets).isEqualByComparingTo("50");
        assertThat(tickets.get("quotaPercent").decimalValue()).as("1800 + 50 of 2000").isEqualByComparingTo("92.50");
        assertThat(one("SELECT deployment_status FROM subscription WHERE id = ?", subscription)).isEqualTo("DEPLOYED");

        // a crossing of the new plan's users quota tells the customer again
        push(subscription, "users", 46);
        CaughtMail again = MailCatcher.awaitMails(buyer.email(), mail -> mail.subject().contains("of its quota") && mail.subject().contains("Users"),
                1, WAIT).get(0);
        assertThat(again.link("/account/subscriptions.xhtml?subscription=" + subscription)).startsWith("http");
    }

    @Test
    void aSubscriptionNotYetRunningOverABlockingQuotaIsWarned() {
        Buyer buyer = Buyer.newCustomer("admin@acme.test", acme, "Quote");
        long subscription = deployed(buyer, perUserPlan);
        String anchor = one("SELECT anchor_at FROM subscription WHERE id = ?", subscription);
        // still being provisioned (say): watched, but there is nothing to stop. Its start is put off as well: a PENDING
        // subscription whose start has come is deployed by the trials' timer (PostponedStarts, every 2 s here), and its
        // quota then STOPS it instead of warning (the failed runs' changelogs show a second "Provisioned by the platform"
        // a fraction of a second after this UPDATE, then "Quota of users reached": no warning, by the product's rules)
        TestDatabase.update("UPDATE subscription SET deployment_status = 'PENDING', anchor_at = TIMESTAMPADD(DAY, 1, UTC_TIMESTAMP(6))"
                + " WHERE id = ?", subscription);
        try {
            push(subscription, "users", 12);

            CaughtMail warning = MailCatcher.awaitMails(buyer.email(), mail -> mail.subject().contains("of its quota")
                    && mail.subject().contains("Users"), 1, WAIT).get(0);
            assertThat(warning.link("/account/subscriptions.xhtml?subscription=" + subscription)).startsWith("http");
            assertThat(one("SELECT COUNT(*) FROM quota_alert WHERE subscription_id = ? AND level = 'WARNING'", subscription)).isEqualTo("1");
            assertThat(one("SELECT CONCAT(deployment_status, ' ', COALESCE(stop_reason, '-')) FROM subscription WHERE id = ?", subscription))
                    .as("nothing deployed nor stopped it meanwhile").isEqualTo("PENDING -");
        } finally {
            TestDatabase.update("UPDATE subscription SET deployment_status = 'DEPLOYED', anchor_at = ? WHERE id = ?", anchor, subscription);
        }
    }

    /**
     * Readers fold (GET usage) while the timer folds and readings keep coming: whichever fold runs last, the hours end up
     * those of every reading sent (a counter rising by 1 a reading, in time order: its increase is the last value).
     */
    @Test
    void foldsAtOnceLeaveTheHoursOfEveryReading() {
        Buyer buyer = Buyer.newCustomer("admin@acme.test", acme, "Quote");
        long subscription = deployed(buyer, teamPlan);
        Instant base = Instant.now();
        int senders = 3;
        int each = 15;
        java.util.concurrent.atomic.AtomicBoolean sending = new java.util.concurrent.atomic.AtomicBoolean(true);
        List<CompletableFuture<Void>> readers = IntStream.range(0, 3).mapToObj(i -> CompletableFuture.runAsync(() -> {
            while (sending.get()) {
                HttpResponse<String> read = acme.get("/api/v1/subscriptions/" + subscription + "/usage?metric=tickets", buyer.auth());
                assertThat(read.statusCode()).as("%s", read.body()).isEqualTo(200);
            }
        })).toList();
        List<CompletableFuture<Void>> pushes = IntStream.range(0, senders).mapToObj(sender -> CompletableFuture.runAsync(() -> {
            for (int n = 0; n < each; n++) {
                int value = 1 + n * senders + sender;
                push(subscription, "tickets", value, base.plusMillis(100L * value));
            }
        })).toList();
        pushes.forEach(CompletableFuture::join);
        sending.set(false);
        readers.forEach(CompletableFuture::join);

        awaitFolded(subscription, String.valueOf(senders * each));
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
        for (String peer : List.of("vendor2@acme.test", "reseller2@acme.test")) {
            assertThat(acme.get(path, Http.bearer(acme.token(peer, "demo"))).statusCode()).as("a channel peer: %s", peer).isEqualTo(404);
        }
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

    /**
     * Every series of the subscription folded, its hours' tickets adding up to what was sent. A second warning could only
     * follow from a check that wrote the period's WARNING row, which exists since the first: nothing more to wait for.
     */
    private static void awaitFolded(long subscription, String tickets) {
        Eventually.holds("folded to " + tickets + " tickets", WAIT, () -> one("SELECT COUNT(*) FROM usage_series WHERE subscription_id = ?"
                + " AND dirty_from IS NOT NULL", subscription).equals("0") && new BigDecimal(one("SELECT COALESCE(SUM(h.increase), 0) FROM usage_hour h"
                + " JOIN metric m ON m.id = h.metric_id WHERE h.subscription_id = ? AND m.code = 'tickets'", subscription)).compareTo(new BigDecimal(tickets)) == 0);
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
