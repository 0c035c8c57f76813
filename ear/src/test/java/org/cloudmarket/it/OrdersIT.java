package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloudmarket.it.ClientDecimalsIT.assertProblem;
import static org.cloudmarket.it.ClientDecimalsIT.planId;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, ordering: pull and push orders priced as quotes are and keeping their prices, bad input
 * refused before anything is written, approval by the right auditor (one decision, even when two
 * race), one-time coupons and trials that races cannot spend twice, sandboxes, bundles, and who sees
 * which order. Every test makes its own customers, products and coupons, so the class passes again
 * on the same database.
 */
class OrdersIT extends EarIT {

    private static final ZoneId ACME_ZONE = ZoneId.of("Europe/Rome");
    private static final Duration MAIL_WAIT = Duration.ofSeconds(30);

    private final Http acme = Http.host("acme.localhost");
    private final Http cloudy = Http.host("cloudy.acme.localhost");

    // --- pricing and keeping prices ---

    @Test
    void aPullOrderOnAResellersStorefrontKeepsTheWholeChainAndItsPricesAfterTheListChanges() {
        String cloudyToken = acme.token("reseller2@acme.test", "demo");
        long plan = newPublishedPlan("Keep", "10.00", false, false);
        long retail = cloudyRetailList();
        // a fixed price in euros would block Cloudy's currency switch (ChannelApiIT): the rule goes again
        try {
            putRule(retail, plan, cloudyToken, "20.00");
            Buyer buyer = cloudyCustomer();

            HttpResponse<String> placed = cloudy.postJson("/api/v1/orders", "{\"planId\":" + plan + ",\"duration\":1}", buyer.auth());

            assertThat(placed.statusCode()).as("%s", placed.body()).isEqualTo(201);
            JsonNode order = Http.json(placed);
            long id = order.get("id").asLong();
            assertThat(order.get("status").asText()).isEqualTo("PLACED");
            assertThat(order.get("customerId").asLong()).isEqualTo(buyer.id());
            assertThat(order.get("total").decimalValue()).isEqualByComparingTo("20.00");
            assertThat(order.get("lines").get(0).get("component").asText()).isEqualTo("license");
            assertThat(order.get("invoiceId").isNull()).as("its first invoice (h/invoices' FirstInvoices)").isFalse();
            // vendor 10.00, Boreal wholesale -25% 7.50, Boreal standard +12% 8.40, Cloudy's rule 20.00
            List<String> chain = List.of("vendor_unit_price", "wholesale_unit_price", "sell_in_unit_price", "unit_price");
            List<String> expected = List.of("10.00", "7.50", "8.40", "20.00");
            for (int level = 0; level < chain.size(); level++) {
                String price = TestDatabase.query("SELECT " + chain.get(level) + " FROM order_line WHERE order_id = ? AND component = 'license'",
                        id).get(0);
                assertThat(new java.math.BigDecimal(price)).as(chain.get(level)).isEqualByComparingTo(expected.get(level));
            }
            assertThat(TestDatabase.query("SELECT CONCAT(o.seller_id = r.id, '/', o.source, '/', o.currency, '/', o.marketplace_currency)"
                    + " FROM purchase_order o JOIN organization r ON r.name = 'Cloudy Partners' AND r.tenant_id = o.tenant_id WHERE o.id = ?", id))
                    .containsExactly("1/PULL/EUR/EUR");
            long subscription = order.get("subscriptionId").asLong();
            assertThat(TestDatabase.query("SELECT deployment_status FROM subscription WHERE id = ?", subscription))
                    .containsExactly("WAITING_PAYMENT");
            String prices = TestDatabase.query("SELECT prices FROM subscription WHERE id = ?", subscription).get(0);
            // the PriceSnapshot keeps amounts as strings, every level of the chain
            assertThat(new java.math.BigDecimal(Http.json(prices).get("sellOut").get("license").asText())).isEqualByComparingTo("20.00");
            assertThat(new java.math.BigDecimal(Http.json(prices).get("sellIn").get("license").asText())).isEqualByComparingTo("8.40");
            assertThat(new java.math.BigDecimal(Http.json(prices).get("vendor").get("license").asText())).isEqualByComparingTo("10.00");

            putRule(retail, plan, cloudyToken, "30.00");
            assertThat(Http.json(cloudy.postJson("/api/v1/quotes", "{\"planId\":" + plan + ",\"duration\":1}")).get("total").decimalValue())
                    .as("the new list is in force").isEqualByComparingTo("30.00");
            JsonNode again = Http.json(cloudy.get("/api/v1/orders/" + id, buyer.auth()));
            assertThat(again.get("total").decimalValue()).isEqualByComparingTo("20.00");
            assertThat(again.get("lines").get(0).get("unitPrice").decimalValue()).isEqualByComparingTo("20.00");
            assertThat(TestDatabase.query("SELECT prices FROM subscription WHERE id = ?", subscription)).containsExactly(prices);
            assertThat(MailCatcher.awaitMails(buyer.email(), mail -> mail.subject().contains("Your order #" + id), 1, MAIL_WAIT)).hasSize(1);
        } finally {
            removeRule(retail, plan, cloudyToken);
        }
    }

    @Test
    void badInputIsA422NamingTheFieldAndWritesNothing() {
        Buyer buyer = cloudyCustomer();
        long mailPro = plan("nimbus-mail", "Pro");
        long proYearly = plan("nimbus-mail", "Pro yearly");
        long drive = plan("nimbus-drive", "Business");
        long retired = newPublishedPlan("Retired", "5.00", false, false);
        long retiredProduct = productOf(retired);
        assertThat(acme.post("/api/v1/products/" + retiredProduct + "/retire", Http.bearer(acme.token("vendor@acme.test", "demo")))
                .statusCode()).isEqualTo(200);
        String admin = acme.token("admin@acme.test", "demo");
        String expired = "OLD-" + Unique.suffix();
        assertThat(acme.postJson("/api/v1/coupons", couponJson(expired, null, "2020-01-01T00:00:00Z", "2020-02-01T00:00:00Z", true),
                Http.bearer(admin)).statusCode()).isEqualTo(201);
        String cloudysExpired = "OLD-" + Unique.suffix();
        assertThat(acme.postJson("/api/v1/coupons", couponJson(cloudysExpired, null, "2020-01-01T00:00:00Z", "2020-02-01T00:00:00Z", true),
                Http.bearer(acme.token("reseller2@acme.test", "demo"))).statusCode()).isEqualTo(201);
        long draft = Long.parseLong(TestDatabase.query("SELECT pl.id FROM plan pl JOIN product p ON p.id = pl.product_id"
                + " JOIN tenant t ON t.id = p.tenant_id WHERE t.slug = 'acme' AND p.name = 'Orbit Signals'").get(0));
        List<String> before = orderCount();

        assertProblem(order(cloudy, buyer, "{\"planId\":99999999,\"duration\":1}"), "planId");
        assertProblem(order(cloudy, buyer, "{\"planId\":" + draft + ",\"duration\":1}"), "planId");
        assertProblem(order(cloudy, buyer, "{\"planId\":" + retired + ",\"duration\":1}"), "planId");
        assertProblem(order(cloudy, buyer, "{\"planId\":" + proYearly + ",\"duration\":5}"), "duration");
        assertProblem(order(cloudy, buyer, "{\"planId\":" + drive + ",\"duration\":1,\"extraResources\":{\"seats\":-1}}"), "extraResources");
        assertProblem(order(cloudy, buyer, "{\"planId\":" + mailPro + ",\"duration\":1,\"couponCode\":\"" + cloudysExpired + "\"}"),
                "couponCode");
        assertProblem(order(cloudy, buyer, "{\"planId\":" + mailPro + ",\"duration\":1,\"couponCode\":\"" + expired + "\"}"),
                "couponCode");
        assertProblem(order(cloudy, buyer, "{\"planId\":" + mailPro + ",\"duration\":1,\"couponCode\":\"NO-SUCH-" + Unique.suffix() + "\"}"),
                "couponCode");
        assertProblem(order(cloudy, buyer, "{\"planId\":" + mailPro + ",\"duration\":1,\"paymentMethod\":\"CARD\"}"), "paymentMethod");
        assertProblem(order(cloudy, buyer, "{\"planId\":" + mailPro + ",\"duration\":1,\"type\":\"TRIAL\"}"), "type");
        assertProblem(order(cloudy, buyer, "{\"planId\":" + mailPro + ",\"duration\":1,\"type\":\"SANDBOX\"}"), "type");
        assertProblem(order(cloudy, buyer, "{\"planId\":" + mailPro + ",\"duration\":1,\"customerId\":" + idOfRossi() + "}"), "customerId");
        assertProblem(order(cloudy, buyer, "{\"planId\":" + mailPro + ",\"duration\":1,\"start\":\""
                + LocalDate.now(ACME_ZONE).minusDays(2) + "\"}"), "start");
        // an unapproved vendor's product: Orbit's registration withdrawn for a moment
        long orbitCrm = plan("orbit-crm", "Starter");
        String orbitId = TestDatabase.query("SELECT o.id FROM organization o JOIN tenant t ON t.id = o.tenant_id"
                + " WHERE t.slug = 'acme' AND o.name = 'Orbit Labs'").get(0);
        TestDatabase.update("UPDATE vendor_registration SET status = 'PENDING' WHERE organization_id = ?", orbitId);
        try {
            assertProblem(order(cloudy, buyer, "{\"planId\":" + orbitCrm + ",\"duration\":1}"), "planId");
        } finally {
            TestDatabase.update("UPDATE vendor_registration SET status = 'APPROVED' WHERE organization_id = ?", orbitId);
        }
        // a listing or showcase storefront takes no orders
        String storefront = TestDatabase.query("SELECT s.id FROM storefront s JOIN organization o ON o.id = s.owner_id"
                + " WHERE o.name = 'Cloudy Partners'").get(0);
        try {
            for (String mode : List.of("LISTING", "SHOWCASE")) {
                TestDatabase.update("UPDATE storefront SET catalog_mode = ? WHERE id = ?", mode, storefront);
                assertProblem(order(cloudy, buyer, "{\"planId\":" + mailPro + ",\"duration\":1}"), "planId");
            }
        } finally {
            TestDatabase.update("UPDATE storefront SET catalog_mode = 'STANDARD' WHERE id = ?", storefront);
            bumpCaches(admin); // what the storefront's chain cached meanwhile goes
        }
        // a customer at another seller's storefront: its token is refused there, before any order
        assertThat(order(Http.host("reseller.acme.localhost"), buyer, "{\"planId\":" + mailPro + ",\"duration\":1}").statusCode())
                .isEqualTo(401);
        // an unverified e-mail does not buy (403, said so)
        TestDatabase.update("UPDATE app_user SET email_verified_at = NULL WHERE email = ?", buyer.email());
        HttpResponse<String> unverified = order(cloudy, buyer, "{\"planId\":" + mailPro + ",\"duration\":1}");
        assertThat(unverified.statusCode()).as("%s", unverified.body()).isEqualTo(403);
        assertThat(unverified.body()).contains("e-mail");

        assertThat(orderCount()).as("nothing written").isEqualTo(before);
        assertThat(TestDatabase.query("SELECT COUNT(*) FROM subscription WHERE customer_id = ?", buyer.id())).containsExactly("0");
    }

    @Test
    void anOrderStartingOnALaterDayIsPostponedAndItsSubscriptionAnchorsThere() {
        long plan = newPublishedPlan("Later", "10.00", false, false);
        Buyer buyer = cloudyCustomer();
        LocalDate later = LocalDate.now(ACME_ZONE).plusDays(10);

        JsonNode order = placed(cloudy, buyer, "{\"planId\":" + plan + ",\"duration\":1,\"start\":\"" + later + "\"}");

        assertThat(order.get("status").asText()).isEqualTo("POSTPONED");
        // anchored at the later day's midnight in the tenant's zone: 9 to 10 days after it was created
        assertThat(TestDatabase.query("SELECT CONCAT(anchor_at = period_start, '/', TIMESTAMPDIFF(DAY, created_at, anchor_at) IN (9, 10),"
                + " '/', deployment_status) FROM subscription WHERE id = ?", order.get("subscriptionId").asLong()))
                .containsExactly("1/1/WAITING_PAYMENT");
    }

    @Test
    void aReplayedIdempotencyKeyPlacesNothingNew() {
        long plan = newPublishedPlan("Replay", "10.00", false, false);
        Buyer buyer = cloudyCustomer();
        String key = "order-" + UUID.randomUUID();
        String body = "{\"planId\":" + plan + ",\"duration\":1}";

        HttpResponse<String> first = cloudy.postJson("/api/v1/orders", body, "Authorization", "Bearer " + buyer.token(), "Idempotency-Key", key);
        HttpResponse<String> replay = cloudy.postJson("/api/v1/orders", body, "Authorization", "Bearer " + buyer.token(), "Idempotency-Key", key);

        assertThat(first.statusCode()).as("%s", first.body()).isEqualTo(201);
        assertThat(replay.statusCode()).isEqualTo(201);
        assertThat(Http.json(replay).get("id").asLong()).isEqualTo(Http.json(first).get("id").asLong());
        assertThat(TestDatabase.query("SELECT COUNT(*) FROM purchase_order WHERE customer_id = ?", buyer.id())).containsExactly("1");
    }

    // --- push orders ---

    @Test
    void aResellerPushesAnOrderForItsOwnCustomerOnlyAndItIsAutoApproved() {
        String cloudyToken = acme.token("reseller2@acme.test", "demo");
        long plan = newPublishedPlan("Push", "10.00", true, false);
        Buyer buyer = cloudyCustomer();

        HttpResponse<String> pushed = acme.postJson("/api/v1/orders", "{\"planId\":" + plan + ",\"duration\":1,\"customerId\":"
                + buyer.id() + "}", Http.bearer(cloudyToken));

        assertThat(pushed.statusCode()).as("%s", pushed.body()).isEqualTo(201);
        JsonNode order = Http.json(pushed);
        assertThat(order.get("source").asText()).isEqualTo("PUSH");
        assertThat(order.get("status").asText()).as("push orders are auto-approved by default").isEqualTo("PLACED");
        assertThat(order.get("customerId").asLong()).isEqualTo(buyer.id());
        assertThat(order.get("total").decimalValue()).as("at Cloudy's sell-out price, +50% on 8.40").isEqualByComparingTo("12.60");
        assertProblem(acme.postJson("/api/v1/orders", "{\"planId\":" + plan + ",\"duration\":1,\"customerId\":" + idOfRossi() + "}",
                Http.bearer(cloudyToken)), "customerId");
        assertProblem(acme.postJson("/api/v1/orders", "{\"planId\":" + plan + ",\"duration\":1}", Http.bearer(cloudyToken)), "customerId");

        Buyer tenantCustomer = tenantCustomer();
        HttpResponse<String> staffs = acme.postJson("/api/v1/orders", "{\"planId\":" + plan + ",\"duration\":1,\"customerId\":"
                + tenantCustomer.id() + "}", Http.bearer(acme.token("admin@acme.test", "demo")));
        assertThat(staffs.statusCode()).as("%s", staffs.body()).isEqualTo(201);
        assertThat(Http.json(staffs).get("total").decimalValue()).as("the vendor's price").isEqualByComparingTo("10.00");
        assertThat(Http.json(staffs).get("sellerId").isNull()).isTrue();
        assertProblem(acme.postJson("/api/v1/orders", "{\"planId\":" + plan + ",\"duration\":1,\"customerId\":" + buyer.id() + "}",
                Http.bearer(acme.token("admin@acme.test", "demo"))), "customerId");
    }

    // --- approval ---

    @Test
    void anOrderNeedingApprovalWaitsForItsAuditorAndIsDecidedOnce() {
        long plan = newPublishedPlan("Approve", "10.00", false, true);
        Buyer buyer = cloudyCustomer();
        JsonNode order = placed(cloudy, buyer, "{\"planId\":" + plan + ",\"duration\":1}");
        long id = order.get("id").asLong();
        assertThat(order.get("status").asText()).isEqualTo("REQUIRES_APPROVAL");
        assertThat(order.get("invoiceId").isNull()).isTrue();
        assertThat(subscriptionStatus(order)).isEqualTo("REQUIRES_APPROVAL");

        assertThat(acme.post("/api/v1/orders/" + id + "/approve", Http.bearer(acme.token("vendor@acme.test", "demo"))).statusCode())
                .as("the vendor sees it, but Cloudy audits what it sells").isEqualTo(403);
        assertThat(acme.post("/api/v1/orders/" + id + "/approve", Http.bearer(acme.token("reseller@acme.test", "demo"))).statusCode())
                .as("another reseller does not see it").isEqualTo(404);
        assertThat(cloudy.post("/api/v1/orders/" + id + "/approve", buyer.auth()).statusCode()).as("its buyer").isEqualTo(403);
        HttpResponse<String> approved = acme.post("/api/v1/orders/" + id + "/approve", Http.bearer(acme.token("reseller2@acme.test", "demo")));

        assertThat(approved.statusCode()).as("%s", approved.body()).isEqualTo(200);
        assertThat(Http.json(approved).get("status").asText()).isEqualTo("APPROVED");
        assertThat(subscriptionStatus(order)).isEqualTo("WAITING_PAYMENT");
        assertThat(acme.postJson("/api/v1/orders/" + id + "/reject", "{}", Http.bearer(acme.token("admin@acme.test", "demo"))).statusCode())
                .as("no reason").isEqualTo(422);
        assertThat(acme.postJson("/api/v1/orders/" + id + "/reject", "{\"reason\":\"Too late\"}",
                Http.bearer(acme.token("admin@acme.test", "demo"))).statusCode()).as("a second decision").isEqualTo(409);
        assertThat(MailCatcher.awaitMails(buyer.email(), mail -> mail.subject().contains("order #" + id + " at")
                && mail.subject().contains("approved"), 1, MAIL_WAIT)).hasSize(1);
        assertThat(TestDatabase.query("SELECT COUNT(*) FROM subscription_change c JOIN subscription s ON s.id = c.subscription_id"
                + " WHERE s.order_id = ? AND c.what = 'STATUS'", id)).containsExactly("2");
    }

    @Test
    void aRejectedOrderLeavesNoInvoiceAndTellsTheCustomerWhy() {
        long plan = newPublishedPlan("Reject", "10.00", false, true);
        Buyer buyer = cloudyCustomer();
        JsonNode order = placed(cloudy, buyer, "{\"planId\":" + plan + ",\"duration\":1}");
        long id = order.get("id").asLong();
        String cloudyToken = acme.token("reseller2@acme.test", "demo");

        assertProblem(acme.postJson("/api/v1/orders/" + id + "/reject", "{\"reason\":\" \"}", Http.bearer(cloudyToken)), "reason");
        assertProblem(acme.postJson("/api/v1/orders/" + id + "/reject", "{\"reason\":\"" + "x".repeat(1001) + "\"}",
                Http.bearer(cloudyToken)), "reason");
        HttpResponse<String> rejected = acme.postJson("/api/v1/orders/" + id + "/reject", "{\"reason\":\"Not in your region\"}",
                Http.bearer(cloudyToken));

        assertThat(rejected.statusCode()).as("%s", rejected.body()).isEqualTo(200);
        assertThat(Http.json(rejected).get("status").asText()).isEqualTo("REJECTED");
        assertThat(subscriptionStatus(order)).isEqualTo("REJECTED");
        assertThat(TestDatabase.query("SELECT COUNT(*) FROM invoice WHERE order_id = ?", id)).containsExactly("0");
        assertThat(TestDatabase.query("SELECT invoice_id IS NULL FROM purchase_order WHERE id = ?", id)).containsExactly("1");
        assertThat(acme.post("/api/v1/orders/" + id + "/approve", Http.bearer(cloudyToken)).statusCode()).isEqualTo(409);
        assertThat(MailCatcher.awaitMails(buyer.email(), mail -> mail.subject().contains("rejected")
                && mail.text().contains("Not in your region"), 1, MAIL_WAIT)).hasSize(1);
    }

    @Test
    void ofAnApprovalAndARejectionRacingOneWins() throws Exception {
        long plan = newPublishedPlan("Race", "10.00", false, true);
        Buyer buyer = cloudyCustomer();
        String cloudyToken = acme.token("reseller2@acme.test", "demo");
        String admin = acme.token("admin@acme.test", "demo");
        for (int round = 0; round < 3; round++) {
            JsonNode order = placed(cloudy, buyer, "{\"planId\":" + plan + ",\"duration\":1}");
            long id = order.get("id").asLong();

            List<Integer> statuses = race(List.of(
                    () -> acme.post("/api/v1/orders/" + id + "/approve", Http.bearer(cloudyToken)).statusCode(),
                    () -> acme.postJson("/api/v1/orders/" + id + "/reject", "{\"reason\":\"Race\"}", Http.bearer(admin)).statusCode()));

            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            String status = TestDatabase.query("SELECT status FROM purchase_order WHERE id = ?", id).get(0);
            assertThat(subscriptionStatus(order)).isEqualTo(status.equals("APPROVED") ? "WAITING_PAYMENT" : "REJECTED");
            assertThat(statuses.get(0) == 200).isEqualTo(status.equals("APPROVED"));
        }
    }

    // --- coupons ---

    @Test
    void aOneTimeCouponRacedByTwentyOrdersIsRedeemedOnce() throws Exception {
        String code = "ONCE-" + Unique.suffix();
        long mailPro = plan("nimbus-mail", "Pro");
        HttpResponse<String> issued = acme.postJson("/api/v1/coupons", couponJson(code, mailPro, Instant.now().minusSeconds(60).toString(),
                Instant.now().plus(Duration.ofDays(1)).toString(), false), Http.bearer(acme.token("reseller2@acme.test", "demo")));
        assertThat(issued.statusCode()).as("%s", issued.body()).isEqualTo(201);
        Buyer buyer = cloudyCustomer();
        List<Callable<HttpResponse<String>>> orders = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            orders.add(() -> order(cloudy, buyer, "{\"planId\":" + mailPro + ",\"duration\":1,\"couponCode\":\"" + code + "\"}"));
        }

        List<HttpResponse<String>> answers = race(orders);

        assertThat(answers.stream().filter(answer -> answer.statusCode() == 201).count()).as("%s", bodies(answers)).isEqualTo(1);
        List<HttpResponse<String>> refused = answers.stream().filter(answer -> answer.statusCode() != 201).toList();
        assertThat(refused).hasSize(19);
        refused.forEach(answer -> assertProblem(answer, "couponCode"));
        assertThat(TestDatabase.query("SELECT uses FROM coupon WHERE code = ?", code)).containsExactly("1");
        assertThat(TestDatabase.query("SELECT COUNT(*) FROM purchase_order o JOIN coupon c ON c.id = o.coupon_id WHERE c.code = ?", code))
                .containsExactly("1");
        assertThat(TestDatabase.query("SELECT COUNT(*) FROM coupon_redemption r JOIN coupon c ON c.id = r.coupon_id WHERE c.code = ?",
                code)).containsExactly("1");
        assertThat(TestDatabase.query("SELECT COUNT(*) FROM subscription WHERE customer_id = ?", buyer.id())).containsExactly("1");
    }

    @Test
    void aTargetedCouponIsMailedToItsAddressAndUsedByNobodyElse() {
        Buyer target = cloudyCustomer();
        Buyer other = cloudyCustomer();
        String code = "FOR-YOU-" + Unique.suffix();
        long mailPro = plan("nimbus-mail", "Pro");
        HttpResponse<String> issued = acme.postJson("/api/v1/coupons", couponJson(code, mailPro, Instant.now().minusSeconds(60).toString(),
                        Instant.now().plus(Duration.ofDays(1)).toString(), true).replace("}", ",\"targetEmail\":\"" + target.email() + "\"}"),
                Http.bearer(acme.token("reseller2@acme.test", "demo")));
        assertThat(issued.statusCode()).as("%s", issued.body()).isEqualTo(201);

        assertThat(MailCatcher.awaitMails(target.email(), mail -> mail.text().contains(code), 1, MAIL_WAIT)).hasSize(1);
        assertProblem(order(cloudy, other, "{\"planId\":" + mailPro + ",\"duration\":1,\"couponCode\":\"" + code + "\"}"), "couponCode");
        JsonNode used = placed(cloudy, target, "{\"planId\":" + mailPro + ",\"duration\":1,\"couponCode\":\"" + code + "\"}");
        assertThat(types(used)).contains("DISCOUNT");
    }

    // --- trials ---

    @Test
    void aCustomerGetsOneTrialPerProductEverAndTheTrialIsDeployedUnbilled() {
        long plan = newPublishedPlan("Trial", "10.00", true, false);
        Buyer buyer = tenantCustomer();

        JsonNode trial = placed(acme, buyer, "{\"planId\":" + plan + ",\"duration\":1,\"type\":\"TRIAL\"}");

        assertThat(trial.get("type").asText()).isEqualTo("TRIAL");
        assertThat(trial.get("invoiceId").isNull()).isTrue();
        long subscription = trial.get("subscriptionId").asLong();
        assertThat(TestDatabase.query("SELECT CONCAT(type, '/', deployment_status, '/', TIMESTAMPDIFF(DAY, anchor_at, trial_ends_at))"
                + " FROM subscription WHERE id = ?", subscription)).containsExactly("TRIAL/DEPLOYED/7");
        assertProblem(order(acme, buyer, "{\"planId\":" + plan + ",\"duration\":1,\"type\":\"TRIAL\"}"), "type");
        assertThat(TestDatabase.query("SELECT COUNT(*) FROM trial_use WHERE customer_id = ?", buyer.id())).containsExactly("1");
    }

    @Test
    void twoParallelTrialsOfOneProductGiveOne() throws Exception {
        long plan = newPublishedPlan("Twin trial", "10.00", true, false);
        Buyer buyer = tenantCustomer();
        Callable<HttpResponse<String>> trial = () -> order(acme, buyer, "{\"planId\":" + plan + ",\"duration\":1,\"type\":\"TRIAL\"}");

        List<HttpResponse<String>> answers = race(List.of(trial, trial));

        assertThat(answers).extracting(HttpResponse::statusCode).as("%s", bodies(answers)).containsExactlyInAnyOrder(201, 422);
        answers.stream().filter(answer -> answer.statusCode() == 422).forEach(answer -> assertProblem(answer, "type"));
        assertThat(TestDatabase.query("SELECT COUNT(*) FROM subscription WHERE customer_id = ?", buyer.id())).containsExactly("1");
        assertThat(TestDatabase.query("SELECT COUNT(*) FROM purchase_order WHERE customer_id = ?", buyer.id())).containsExactly("1");
    }

    @Test
    void anExtendedTrialCouponReplacesTheLengthUntilItsBudgetIsSpent() {
        long plan = newPublishedPlan("Long trial", "10.00", true, false);
        String code = "LONG-" + Unique.suffix();
        HttpResponse<String> issued = acme.postJson("/api/v1/coupons", "{\"code\":\"" + code + "\",\"planId\":" + plan
                + ",\"effect\":\"EXTENDED_TRIAL\",\"trialDays\":30,\"trialBudget\":1,\"validFrom\":\"" + Instant.now().minusSeconds(60)
                + "\",\"validUntil\":\"" + Instant.now().plus(Duration.ofDays(1)) + "\"}", Http.bearer(acme.token("admin@acme.test", "demo")));
        assertThat(issued.statusCode()).as("%s", issued.body()).isEqualTo(201);
        assertThat(Http.json(issued).get("trialBudget").asInt()).isEqualTo(1);
        Buyer first = tenantCustomer();
        Buyer second = tenantCustomer();

        JsonNode trial = placed(acme, first, "{\"planId\":" + plan + ",\"duration\":1,\"type\":\"TRIAL\",\"couponCode\":\"" + code + "\"}");

        assertThat(TestDatabase.query("SELECT TIMESTAMPDIFF(DAY, anchor_at, trial_ends_at) FROM subscription WHERE id = ?",
                trial.get("subscriptionId").asLong())).containsExactly("30");
        assertThat(TestDatabase.query("SELECT trial_budget FROM coupon WHERE code = ?", code)).containsExactly("0");
        assertProblem(order(acme, second, "{\"planId\":" + plan + ",\"duration\":1,\"type\":\"TRIAL\",\"couponCode\":\"" + code + "\"}"),
                "couponCode");
        assertThat(TestDatabase.query("SELECT COUNT(*) FROM purchase_order WHERE customer_id = ?", second.id())).containsExactly("0");
    }

    // --- sandbox and bundles ---

    @Test
    void aVendorTestsOnlyItsOwnPlanInASandboxBilledToNobody() {
        long mailPro = plan("nimbus-mail", "Pro");

        HttpResponse<String> sandbox = acme.postJson("/api/v1/orders", "{\"planId\":" + mailPro + ",\"duration\":1,\"type\":\"SANDBOX\"}",
                Http.bearer(acme.token("vendor@acme.test", "demo")));

        assertThat(sandbox.statusCode()).as("%s", sandbox.body()).isEqualTo(201);
        JsonNode order = Http.json(sandbox);
        assertThat(order.get("customerId").isNull()).isTrue();
        assertThat(order.get("invoiceId").isNull()).isTrue();
        assertThat(TestDatabase.query("SELECT CONCAT(type, '/', deployment_status) FROM subscription WHERE id = ?",
                order.get("subscriptionId").asLong())).containsExactly("SANDBOX/DEPLOYED");
        assertProblem(acme.postJson("/api/v1/orders", "{\"planId\":" + mailPro + ",\"duration\":1,\"type\":\"SANDBOX\"}",
                Http.bearer(acme.token("vendor2@acme.test", "demo"))), "planId");
    }

    @Test
    void aBundleGivesOneOrderAndOneSubscriptionPerComponent() {
        long suite = plan("nimbus-suite", "Business suite");
        Buyer buyer = tenantCustomer();

        JsonNode order = placed(acme, buyer, "{\"planId\":" + suite + ",\"duration\":1}");

        List<Long> ids = new ArrayList<>();
        order.get("bundleOrderIds").forEach(id -> ids.add(id.asLong()));
        assertThat(ids).hasSize(2).startsWith(order.get("id").asLong());
        assertThat(TestDatabase.query("SELECT COUNT(DISTINCT plan_id) FROM subscription WHERE customer_id = ? AND bundle_order_id = ?",
                buyer.id(), ids.get(0))).containsExactly("2");
        assertThat(TestDatabase.query("SELECT COUNT(*) FROM order_line l JOIN purchase_order o ON o.id = l.order_id"
                + " WHERE o.customer_id = ? AND l.component = 'bundle-discount'", buyer.id())).containsExactly("2");
        // the parts add up to the bundle's quote
        JsonNode quote = Http.json(acme.postJson("/api/v1/quotes", "{\"planId\":" + suite + ",\"duration\":1}"));
        assertThat(TestDatabase.query("SELECT SUM(total) FROM purchase_order WHERE customer_id = ?", buyer.id()).get(0))
                .satisfies(sum -> assertThat(new java.math.BigDecimal(sum)).isEqualByComparingTo(quote.get("total").decimalValue()));
    }

    // --- who sees what ---

    @Test
    void eachPartySeesTheOrdersItMaySeeAndNothingElse() {
        long plan = newPublishedPlan("Scope", "10.00", false, false);
        Buyer buyer = cloudyCustomer();
        Buyer stranger = cloudyCustomer();
        JsonNode order = placed(cloudy, buyer, "{\"planId\":" + plan + ",\"duration\":1}");
        long id = order.get("id").asLong();

        assertThat(Http.json(cloudy.get("/api/v1/orders/" + id, buyer.auth())).get("paymentMethod").asText()).isEqualTo("BANK_TRANSFER");
        assertThat(cloudy.get("/api/v1/orders/" + id, stranger.auth()).statusCode()).as("another customer").isEqualTo(404);
        assertThat(acme.get("/api/v1/orders/" + id, Http.bearer(acme.token("reseller2@acme.test", "demo"))).statusCode()).isEqualTo(200);
        assertThat(acme.get("/api/v1/orders/" + id, Http.bearer(acme.token("reseller@acme.test", "demo"))).statusCode())
                .as("another reseller").isEqualTo(404);
        JsonNode vendors = Http.json(acme.get("/api/v1/orders/" + id, Http.bearer(acme.token("vendor@acme.test", "demo"))));
        assertThat(vendors.get("id").asLong()).isEqualTo(id);
        assertThat(vendors.get("paymentMethod").isNull()).as("a vendor does not see the buyer's payment details").isTrue();
        assertThat(acme.get("/api/v1/orders/" + id, Http.bearer(acme.token("vendor2@acme.test", "demo"))).statusCode()).isEqualTo(404);
        Http globex = Http.host("globex.localhost");
        assertThat(globex.get("/api/v1/orders/" + id, Http.bearer(globex.token("admin@globex.test", "demo"))).statusCode())
                .as("globex's staff on globex's host").isEqualTo(404);
        assertThat(globex.postJson("/api/v1/orders/" + id + "/reject", "{\"reason\":\"not ours\"}",
                Http.bearer(globex.token("admin@globex.test", "demo"))).statusCode()).as("globex's staff decides nothing of acme's").isEqualTo(404);
        assertThat(acme.get("/api/v1/orders/" + id, Http.bearer(globex.token("admin@globex.test", "demo"))).statusCode())
                .as("globex's token on acme's host").isEqualTo(401);

        assertThat(listIds(cloudy, "/api/v1/orders", buyer.auth())).containsExactly(id);
        assertThat(listIds(cloudy, "/api/v1/orders", stranger.auth())).isEmpty();
        assertThat(listIds(acme, "/api/v1/orders?limit=100", Http.bearer(acme.token("reseller@acme.test", "demo")))).doesNotContain(id);
        assertThat(listIds(acme, "/api/v1/orders?status=PLACED&type=NORMAL&limit=100", Http.bearer(acme.token("reseller2@acme.test", "demo"))))
                .contains(id);
        assertThat(listIds(acme, "/api/v1/orders?status=REJECTED&limit=100", Http.bearer(acme.token("reseller2@acme.test", "demo"))))
                .doesNotContain(id);
    }

    @Test
    void listsPageByCursorNewestFirst() {
        long plan = newPublishedPlan("Pages", "10.00", false, false);
        Buyer buyer = cloudyCustomer();
        List<Long> placed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            placed.add(placed(cloudy, buyer, "{\"planId\":" + plan + ",\"duration\":1}").get("id").asLong());
        }

        JsonNode first = Http.json(cloudy.get("/api/v1/orders?limit=2", buyer.auth()));
        JsonNode second = Http.json(cloudy.get("/api/v1/orders?limit=2&cursor=" + first.get("nextCursor").asText(), buyer.auth()));

        assertThat(ids(first)).containsExactly(placed.get(2), placed.get(1));
        assertThat(ids(second)).containsExactly(placed.get(0));
        assertThat(second.get("nextCursor").isNull()).isTrue();
        assertProblem(cloudy.get("/api/v1/orders?cursor=nonsense", buyer.auth()), "cursor");
        assertProblem(cloudy.get("/api/v1/orders?limit=101", buyer.auth()), "limit");
        assertProblem(cloudy.get("/api/v1/orders?status=SOMEWHERE", buyer.auth()), "status");
    }

    // --- review of issue 11: approval, rejection, postponed starts, who sees what ---

    @Test
    void anApprovedOrderIsBilledAsItWasPricedThoughItsCouponExpiredMeanwhile() {
        long plan = newPublishedPlan("Coupon approve", "10.00", false, true);
        String code = "LATE-" + Unique.suffix();
        String cloudyToken = acme.token("reseller2@acme.test", "demo");
        HttpResponse<String> issued = acme.postJson("/api/v1/coupons", couponJson(code, plan, Instant.now().minusSeconds(60).toString(),
                Instant.now().plus(Duration.ofDays(1)).toString(), true), Http.bearer(cloudyToken));
        assertThat(issued.statusCode()).as("%s", issued.body()).isEqualTo(201);
        Buyer buyer = cloudyCustomer();
        JsonNode order = placed(cloudy, buyer, "{\"planId\":" + plan + ",\"duration\":1,\"couponCode\":\"" + code + "\"}");
        assertThat(types(order)).contains("DISCOUNT");
        long id = order.get("id").asLong();
        // the coupon runs out while the order waits for its auditor: a microsecond after the order was placed
        assertThat(TestDatabase.update("UPDATE coupon SET valid_until = TIMESTAMPADD(MICROSECOND, 1,"
                + " (SELECT created_at FROM purchase_order WHERE id = ?)) WHERE code = ?", id, code)).isEqualTo(1);
        assertThat(TestDatabase.query("SELECT valid_until < UTC_TIMESTAMP(6) FROM coupon WHERE code = ?", code)).containsExactly("1");

        HttpResponse<String> approved = acme.post("/api/v1/orders/" + id + "/approve", Http.bearer(cloudyToken));

        assertThat(approved.statusCode()).as("%s", approved.body()).isEqualTo(200);
        long invoice = Http.json(approved).get("invoiceId").asLong();
        assertThat(new java.math.BigDecimal(TestDatabase.query("SELECT net FROM invoice WHERE id = ?", invoice).get(0)))
                .as("the first invoice is priced as the order was").isEqualByComparingTo(order.get("total").decimalValue());
        assertThat(subscriptionStatus(order)).isEqualTo("WAITING_PAYMENT");
    }

    @Test
    void aRejectedOrderGivesBackItsOneTimeCouponForTheNextOrder() {
        long plan = newPublishedPlan("Coupon back", "10.00", false, true);
        String code = "BACK-" + Unique.suffix();
        String cloudyToken = acme.token("reseller2@acme.test", "demo");
        HttpResponse<String> issued = acme.postJson("/api/v1/coupons", couponJson(code, plan, Instant.now().minusSeconds(60).toString(),
                Instant.now().plus(Duration.ofDays(1)).toString(), false), Http.bearer(cloudyToken));
        assertThat(issued.statusCode()).as("%s", issued.body()).isEqualTo(201);
        Buyer buyer = cloudyCustomer();
        String body = "{\"planId\":" + plan + ",\"duration\":1,\"couponCode\":\"" + code + "\"}";
        long first = placed(cloudy, buyer, body).get("id").asLong();
        assertThat(TestDatabase.query("SELECT uses FROM coupon WHERE code = ?", code)).containsExactly("1");

        HttpResponse<String> rejected = acme.postJson("/api/v1/orders/" + first + "/reject", "{\"reason\":\"Wrong plan\"}",
                Http.bearer(cloudyToken));

        assertThat(rejected.statusCode()).as("%s", rejected.body()).isEqualTo(200);
        assertThat(TestDatabase.query("SELECT uses FROM coupon WHERE code = ?", code)).containsExactly("0");
        assertThat(TestDatabase.query("SELECT COUNT(*) FROM coupon_redemption WHERE order_id = ?", first)).containsExactly("0");
        JsonNode next = placed(cloudy, buyer, body);
        assertThat(types(next)).contains("DISCOUNT");
        assertThat(TestDatabase.query("SELECT uses FROM coupon WHERE code = ?", code)).containsExactly("1");
    }

    @Test
    void aTrialOfAPlanNeedingApprovalWaitsForItsAuditorAndARejectedOneIsNotTheCustomersTrial() {
        long plan = newPublishedPlan("Trial approve", "10.00", true, true);
        Buyer buyer = tenantCustomer();
        String vendor = acme.token("vendor@acme.test", "demo");
        String trial = "{\"planId\":" + plan + ",\"duration\":1,\"type\":\"TRIAL\"}";
        JsonNode first = placed(acme, buyer, trial);
        assertThat(first.get("status").asText()).isEqualTo("REQUIRES_APPROVAL");
        assertThat(subscriptionStatus(first)).as("not deployed before approval").isEqualTo("REQUIRES_APPROVAL");

        HttpResponse<String> rejected = acme.postJson("/api/v1/orders/" + first.get("id").asLong() + "/reject", "{\"reason\":\"Not yet\"}",
                Http.bearer(vendor));
        assertThat(rejected.statusCode()).as("%s", rejected.body()).isEqualTo(200);
        assertThat(subscriptionStatus(first)).isEqualTo("REJECTED");
        assertThat(TestDatabase.query("SELECT COUNT(*) FROM trial_use WHERE customer_id = ?", buyer.id())).as("given back").containsExactly("0");

        JsonNode second = placed(acme, buyer, trial);
        assertThat(second.get("status").asText()).isEqualTo("REQUIRES_APPROVAL");
        long secondSubscription = second.get("subscriptionId").asLong();
        // the auditor takes ten days, longer than the product's 7-day trial: the trial runs its 7 days from the approval
        TestDatabase.update("UPDATE subscription SET anchor_at = anchor_at - INTERVAL 10 DAY, window_start = window_start - INTERVAL 10 DAY,"
                + " period_start = period_start - INTERVAL 10 DAY, period_end = period_end - INTERVAL 10 DAY,"
                + " trial_ends_at = trial_ends_at - INTERVAL 10 DAY WHERE id = ?", secondSubscription);
        HttpResponse<String> approved = acme.post("/api/v1/orders/" + second.get("id").asLong() + "/approve", Http.bearer(vendor));
        assertThat(approved.statusCode()).as("%s", approved.body()).isEqualTo(200);
        assertThat(TestDatabase.query("SELECT CONCAT(type, '/', deployment_status) FROM subscription WHERE id = ?",
                secondSubscription)).containsExactly("TRIAL/DEPLOYED");
        assertThat(TestDatabase.query("SELECT ROUND(TIMESTAMPDIFF(SECOND, o.decided_at, s.trial_ends_at) / 3600) FROM subscription s"
                + " JOIN purchase_order o ON o.id = s.order_id WHERE s.id = ?", secondSubscription))
                .as("hours of trial from a late approval").containsExactly("168");
        assertThat(Http.json(approved).get("invoiceId").isNull()).as("a trial is billed to nobody").isTrue();
        assertProblem(order(acme, buyer, trial), "type");
    }

    @Test
    void aConvertingTrialNeedsTheCustomersBillingDetails() {
        long plan = newPublishedPlan("Trial converts", "10.00", true, false);
        TestDatabase.update("UPDATE plan SET trial_converts = TRUE WHERE id = ?", plan);
        Buyer buyer = tenantCustomer();
        TestDatabase.update("UPDATE organization SET legal_name = NULL WHERE id = ?", buyer.id());
        List<String> before = orderCount();

        assertProblem(order(acme, buyer, "{\"planId\":" + plan + ",\"duration\":1,\"type\":\"TRIAL\"}"), "customerId");

        assertThat(orderCount()).as("nothing written").isEqualTo(before);
        assertThat(TestDatabase.query("SELECT COUNT(*) FROM trial_use WHERE customer_id = ?", buyer.id())).containsExactly("0");
    }

    @Test
    void aPaidPostponedOrderAndALaterTrialWaitInPendingUntilTheirStart() {
        long plan = newPublishedPlan("Later paid", "10.00", true, false);
        Buyer buyer = tenantCustomer();
        LocalDate later = LocalDate.now(ACME_ZONE).plusDays(10);
        JsonNode order = placed(acme, buyer, "{\"planId\":" + plan + ",\"duration\":1,\"start\":\"" + later + "\"}");
        assertThat(order.get("status").asText()).isEqualTo("POSTPONED");
        String total = TestDatabase.query("SELECT total FROM invoice WHERE id = ?", order.get("invoiceId").asLong()).get(0);
        HttpResponse<String> paid = acme.postJson("/api/v1/invoices/" + order.get("invoiceId").asLong() + "/payments",
                "{\"reference\":\"SLIP-LATER-" + Unique.suffix() + "\",\"date\":\"" + LocalDate.now(ACME_ZONE) + "\",\"amount\":" + total + "}",
                Http.bearer(acme.token("admin@acme.test", "demo")));
        assertThat(paid.statusCode()).as("%s", paid.body()).isEqualTo(200);
        JsonNode trial = placed(acme, buyer, "{\"planId\":" + plan + ",\"duration\":1,\"type\":\"TRIAL\",\"start\":\"" + later + "\"}");
        assertThat(subscriptionStatus(trial)).as("a trial starting later").isEqualTo("PENDING");

        // the trial's start comes first: the round of the timer that deploys it finds the paid order not started yet
        TestDatabase.update("UPDATE subscription SET anchor_at = TIMESTAMPADD(MINUTE, -1, UTC_TIMESTAMP(6)) WHERE id = ?",
                trial.get("subscriptionId").asLong());
        Eventually.holds("the trial deployed at its start", Duration.ofSeconds(30), () -> subscriptionStatus(trial).equals("DEPLOYED"));
        assertThat(subscriptionStatus(order)).as("paid, but its start has not come").isEqualTo("PENDING");

        TestDatabase.update("UPDATE subscription SET anchor_at = TIMESTAMPADD(MINUTE, -1, UTC_TIMESTAMP(6)) WHERE id = ?",
                order.get("subscriptionId").asLong());
        Eventually.holds("the paid order deployed at its start", Duration.ofSeconds(30), () -> subscriptionStatus(order).equals("DEPLOYED"));
    }

    @Test
    void anApprovedPostponedOrderStaysPostponed() {
        long plan = newPublishedPlan("Later approve", "10.00", false, true);
        Buyer buyer = cloudyCustomer();
        JsonNode order = placed(cloudy, buyer, "{\"planId\":" + plan + ",\"duration\":1,\"start\":\"" + LocalDate.now(ACME_ZONE).plusDays(5)
                + "\"}");
        assertThat(order.get("status").asText()).isEqualTo("REQUIRES_APPROVAL");

        HttpResponse<String> approved = acme.post("/api/v1/orders/" + order.get("id").asLong() + "/approve",
                Http.bearer(acme.token("reseller2@acme.test", "demo")));

        assertThat(approved.statusCode()).as("%s", approved.body()).isEqualTo(200);
        assertThat(Http.json(approved).get("status").asText()).isEqualTo("POSTPONED");
        assertThat(TestDatabase.query("SELECT decided_at IS NOT NULL FROM purchase_order WHERE id = ?", order.get("id").asLong()))
                .as("approved: decided").containsExactly("1");
    }

    @Test
    void aCustomerImpersonatedOnAnotherSellersStorefrontIsRefusedOnCustomerId() {
        long mailPro = plan("nimbus-mail", "Pro");
        Buyer buyer = cloudyCustomer();
        String admin = acme.token("admin@acme.test", "demo");
        long userId = Long.parseLong(TestDatabase.query("SELECT id FROM app_user WHERE email = ?", buyer.email()).get(0));
        HttpResponse<String> started = acme.postJson("/api/v1/impersonations", "{\"userId\":" + userId + "}", Http.bearer(admin));
        assertThat(started.statusCode()).as("%s", started.body()).isEqualTo(201);
        String acting = Http.json(started).get("token").asText();
        List<String> before = orderCount();
        try {
            // Bright's storefront, not Cloudy's: the service's own rule (Storefront.sellsTo), behind the token's host rule
            HttpResponse<String> elsewhere = Http.host("reseller.acme.localhost").postJson("/api/v1/orders",
                    "{\"planId\":" + mailPro + ",\"duration\":1}", Http.bearer(acting));
            assertProblem(elsewhere, "customerId");
        } finally {
            acme.delete("/api/v1/impersonations/current", Http.bearer(acting));
        }
        assertThat(orderCount()).as("nothing written").isEqualTo(before);
    }

    @Test
    void aVendorAndADistributorReadAnOrderWithoutTheBuyer() {
        long mailPro = plan("nimbus-mail", "Basic");
        Buyer buyer = cloudyCustomer();
        long id = placed(cloudy, buyer, "{\"planId\":" + mailPro + ",\"duration\":1}").get("id").asLong();

        for (String reader : List.of("vendor@acme.test", "distributor2@acme.test")) {
            HttpResponse<String> read = acme.get("/api/v1/orders/" + id, Http.bearer(acme.token(reader, "demo")));
            assertThat(read.statusCode()).as("%s: %s", reader, read.body()).isEqualTo(200);
            JsonNode seen = Http.json(read);
            assertThat(seen.get("customerId").isNull()).as("%s sees no buyer", reader).isTrue();
            assertThat(seen.get("paymentMethod").isNull()).as("%s sees no payment method", reader).isTrue();
            assertThat(seen.get("total").decimalValue()).isPositive();
        }
        JsonNode own = Http.json(cloudy.get("/api/v1/orders/" + id, buyer.auth()));
        assertThat(own.get("customerId").asLong()).isEqualTo(buyer.id());
        assertThat(own.get("paymentMethod").asText()).isEqualTo("BANK_TRANSFER");
    }


    // --- helpers ---

    private static HttpResponse<String> order(Http host, Buyer buyer, String body) {
        return host.postJson("/api/v1/orders", body, buyer.auth());
    }

    private static JsonNode placed(Http host, Buyer buyer, String body) {
        HttpResponse<String> placed = order(host, buyer, body);
        assertThat(placed.statusCode()).as("%s", placed.body()).isEqualTo(201);
        return Http.json(placed);
    }

    private static String subscriptionStatus(JsonNode order) {
        return TestDatabase.query("SELECT deployment_status FROM subscription WHERE id = ?", order.get("subscriptionId").asLong()).get(0);
    }

    /** Runs the calls at once behind a start gate; their answers in the order given. */
    private static <T> List<T> race(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    gate.await();
                    return call.call();
                }));
            }
            gate.countDown();
            List<T> answers = new ArrayList<>();
            for (Future<T> future : futures) {
                answers.add(future.get(120, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A new customer of Cloudy Partners that may buy, with a token at Cloudy's store. */
    private Buyer cloudyCustomer() {
        return customer("reseller2@acme.test", cloudy);
    }

    /** A new customer of the marketplace itself, with a token at acme's storefront. */
    private Buyer tenantCustomer() {
        return customer("admin@acme.test", acme);
    }

    private static Buyer customer(String seller, Http store) {
        return Buyer.newCustomer(seller, store, "Ordini");
    }

    /** A new published plan of Nimbus (a product of its own, with a 7-day trial), maybe with a trial and approval. */
    private long newPublishedPlan(String name, String license, boolean trial, boolean approval) {
        String nimbus = acme.token("vendor@acme.test", "demo");
        String admin = acme.token("admin@acme.test", "demo");
        String productName = "Orders " + name + " " + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = acme.postJson("/api/v1/products", "{\"name\":\"" + productName
                + "\",\"summary\":\"An ordering test product\",\"trialDays\":7,\"tags\":[\"test\"]}", Http.bearer(nimbus));
        assertThat(created.statusCode()).as("%s", created.body()).isEqualTo(201);
        long product = Http.json(created).get("id").asLong();
        HttpResponse<String> plan = acme.postJson("/api/v1/products/" + product + "/plans", "{\"name\":\"Standard\",\"licensePrice\":" + license
                + ",\"billingFrequency\":1,\"billingUnit\":\"MONTHS\",\"trialAllowed\":" + trial + ",\"approvalRequired\":" + approval + "}",
                Http.bearer(nimbus));
        assertThat(plan.statusCode()).as("%s", plan.body()).isEqualTo(201);
        long planId = Http.json(plan).get("plans").get(0).get("id").asLong();
        assertThat(acme.post("/api/v1/products/" + product + "/submit", Http.bearer(nimbus)).statusCode()).isEqualTo(200);
        assertThat(acme.postJson("/api/v1/products/" + product + "/approve", "{\"reason\":\"Test\"}", Http.bearer(admin)).statusCode())
                .isEqualTo(200);
        assertThat(acme.post("/api/v1/products/" + product + "/publish", Http.bearer(nimbus)).statusCode()).isEqualTo(200);
        return planId;
    }

    private static long productOf(long plan) {
        return Long.parseLong(TestDatabase.query("SELECT product_id FROM plan WHERE id = ?", plan).get(0));
    }

    private long plan(String slug, String name) {
        HttpResponse<String> product = acme.get("/api/v1/catalog/" + slug);
        assertThat(product.statusCode()).as("%s", product.body()).isEqualTo(200);
        return planId(Http.json(product), name);
    }

    private static long cloudyRetailList() {
        return Long.parseLong(TestDatabase.query("SELECT l.id FROM price_list l JOIN organization o ON o.id = l.owner_id"
                + " WHERE o.name = 'Cloudy Partners' AND l.name = 'Cloudy retail'").get(0));
    }

    private void putRule(long list, long plan, String token, String price) {
        HttpResponse<String> rule = acme.putJson("/api/v1/price-lists/" + list + "/entries", "{\"planId\":" + plan
                + ",\"component\":\"license\",\"price\":" + price + "}", Http.bearer(token));
        assertThat(rule.statusCode()).as("%s", rule.body()).isEqualTo(200);
    }

    private void removeRule(long list, long plan, String token) {
        HttpResponse<String> removed = acme.putJson("/api/v1/price-lists/" + list + "/entries", "{\"planId\":" + plan
                + ",\"component\":\"license\"}", Http.bearer(token));
        assertThat(removed.statusCode()).as("%s", removed.body()).isEqualTo(200);
    }

    private static String couponJson(String code, Long planId, String from, String until, boolean reusable) {
        return "{\"code\":\"" + code + "\"," + (planId == null ? "" : "\"planId\":" + planId + ",")
                + "\"effect\":\"PERCENT_OFF\",\"percentOff\":10,\"destination\":\"TOTAL\",\"validFrom\":\"" + from
                + "\",\"validUntil\":\"" + until + "\",\"reusable\":" + reusable + "}";
    }

    /** Any write through the application bumps the tenant's cache generation (a coupon nobody uses). */
    private void bumpCaches(String admin) {
        acme.postJson("/api/v1/coupons", couponJson("BUMP-" + Unique.suffix(), null, "2020-01-01T00:00:00Z", "2020-02-01T00:00:00Z", true),
                Http.bearer(admin));
    }

    private static List<String> orderCount() {
        return TestDatabase.query("SELECT CONCAT((SELECT COUNT(*) FROM purchase_order), '/', (SELECT COUNT(*) FROM subscription), '/',"
                + " (SELECT COUNT(*) FROM order_line), '/', (SELECT COALESCE(SUM(uses), 0) FROM coupon))");
    }

    private static long idOfRossi() {
        return Long.parseLong(TestDatabase.query("SELECT o.id FROM organization o JOIN tenant t ON t.id = o.tenant_id"
                + " WHERE t.slug = 'acme' AND o.kind = 'CUSTOMER' AND o.name = 'Rossi Costruzioni'").get(0));
    }

    private static List<Long> listIds(Http host, String path, String... auth) {
        HttpResponse<String> list = host.get(path, auth);
        assertThat(list.statusCode()).as("%s", list.body()).isEqualTo(200);
        return ids(Http.json(list));
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    private static List<String> types(JsonNode order) {
        List<String> types = new ArrayList<>();
        order.get("lines").forEach(line -> types.add(line.get("type").asText()));
        return types;
    }

    private static List<String> bodies(List<HttpResponse<String>> answers) {
        return answers.stream().map(answer -> answer.statusCode() + " " + answer.body()).toList();
    }
}
