package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * POST /subscriptions/{id}/changes on Nimbus Mail subscriptions sold by Cloudy Partners
 * (SubscriptionFixtures: the period has 101 of 720 hours left), and the trials' end by the timer
 * (the IT server runs it every 2 s: cloudmarket.trials.interval-seconds in arquillian.xml).
 */
class SubscriptionChangesIT extends EarIT {

    private static final BigDecimal STORAGE = new BigDecimal("2.50");

    private final Http acme = Http.host("acme.localhost");
    private final Http cloudy = Http.host("cloudy.acme.localhost");

    /** DOMAIN's upgrade formula: unit price x quantity x remaining hours (rounded up) / hours in the period, rounded once. */
    private static BigDecimal scaled(BigDecimal periodPrice) {
        return periodPrice.multiply(BigDecimal.valueOf(SubscriptionFixtures.HOURS_LEFT))
                .divide(BigDecimal.valueOf(SubscriptionFixtures.PERIOD_HOURS), 2, RoundingMode.HALF_UP);
    }

    private static SubscriptionFixtures.Spec withStorage(long quantity) {
        return new SubscriptionFixtures.Spec("NORMAL", "DEPLOYED", "Basic", SubscriptionFixtures.snapshot("Basic", "5.04", "2.50"),
                "storage=" + quantity, null, false);
    }

    @Test
    void aMidPeriodUpgradeIsChargedTheProratedAmountAtTheWindowsPrices() {
        String email = SignUpIT.newCustomer(cloudy);
        String token = cloudy.token(email, SignUpIT.PASSWORD);
        long id = SubscriptionFixtures.cloudyMail(email, withStorage(3));

        HttpResponse<String> upgrade = change(token, id, "{\"type\":\"BILLING_ITEM_UPGRADE\",\"extraResources\":{\"storage\":5},\"reason\":\"more room\"}");

        assertThat(upgrade.statusCode()).as("%s", upgrade.body()).isEqualTo(201);
        JsonNode order = Http.json(upgrade);
        assertThat(order.get("type").asText()).isEqualTo("BILLING_ITEM_UPGRADE");
        assertThat(order.get("status").asText()).as("invoiced now").isEqualTo("PAID");
        assertThat(order.get("subscriptionId").asLong()).isEqualTo(id);
        BigDecimal credit = scaled(STORAGE.multiply(BigDecimal.valueOf(3))).negate();
        BigDecimal debit = scaled(STORAGE.multiply(BigDecimal.valueOf(5)));
        assertThat(order.get("total").decimalValue()).isEqualByComparingTo(credit.add(debit));
        long orderId = order.get("id").asLong();
        assertThat(proceeds(orderId)).containsExactly("PRORATION_CREDIT " + credit + " 1.0000", "PRORATION_DEBIT " + debit + " 1.0000");
        assertThat(SubscriptionFixtures.one("SELECT extra_resources FROM subscription WHERE id = ?", id)).isEqualTo("storage=5");
        long invoice = order.get("invoiceId").asLong();
        assertThat(SubscriptionFixtures.one("SELECT status FROM invoice WHERE id = ?", invoice)).isEqualTo("UNPAID");
        assertThat(new BigDecimal(SubscriptionFixtures.one("SELECT net FROM invoice WHERE id = ?", invoice)))
                .as("invoiced now: the pair's net").isEqualByComparingTo(credit.add(debit));
        assertThat(TestDatabase.query("SELECT DISTINCT invoice_id FROM proceed WHERE order_id = ?", orderId)).containsExactly(Long.toString(invoice));
        assertThat(SubscriptionFixtures.one("SELECT paid FROM subscription WHERE id = ?", id)).as("an invoice is unpaid").isEqualTo("0");
        // the upgrade's line (the invoice it issued adds a PAID line after it)
        JsonNode line = lastOf(Http.json(cloudy.get("/api/v1/subscriptions/" + id, Http.bearer(token))).get("changelog"), "EXTRA_RESOURCES");
        assertThat(line.get("what").asText()).isEqualTo("EXTRA_RESOURCES");
        assertThat(line.get("from").asText()).isEqualTo("storage=3");
        assertThat(line.get("to").asText()).isEqualTo("storage=5");
        assertThat(line.get("reason").asText()).isEqualTo("more room");
        assertThat(line.get("orderId").asLong()).isEqualTo(orderId);
    }

    @Test
    void twoUpgradesInOnePeriodGiveTwoProrationPairs() {
        String email = SignUpIT.newCustomer(cloudy);
        String token = cloudy.token(email, SignUpIT.PASSWORD);
        long id = SubscriptionFixtures.cloudyMail(email, withStorage(3));

        long first = Http.json(change(token, id, "{\"type\":\"BILLING_ITEM_UPGRADE\",\"extraResources\":{\"storage\":5}}")).get("id").asLong();
        long second = Http.json(change(token, id, "{\"type\":\"BILLING_ITEM_UPGRADE\",\"extraResources\":{\"storage\":8}}")).get("id").asLong();

        assertThat(SubscriptionFixtures.one("SELECT COUNT(*) FROM proceed WHERE subscription_id = ?", id)).isEqualTo("4");
        assertThat(SubscriptionFixtures.one("SELECT COUNT(DISTINCT invoice_id) FROM proceed WHERE subscription_id = ?", id))
                .as("two invoices, one per upgrade").isEqualTo("2");
        assertThat(SubscriptionFixtures.one("SELECT COUNT(*) FROM invoice WHERE order_id IN (?, ?)", first, second)).isEqualTo("2");
        assertThat(proceeds(first)).containsExactly("PRORATION_CREDIT " + scaled(new BigDecimal("7.50")).negate() + " 1.0000",
                "PRORATION_DEBIT " + scaled(new BigDecimal("12.50")) + " 1.0000");
        assertThat(proceeds(second)).as("the second credits what the first debited")
                .containsExactly("PRORATION_CREDIT " + scaled(new BigDecimal("12.50")).negate() + " 1.0000",
                        "PRORATION_DEBIT " + scaled(new BigDecimal("20.00")) + " 1.0000");
        assertThat(SubscriptionFixtures.one("SELECT extra_resources FROM subscription WHERE id = ?", id)).isEqualTo("storage=8");
    }

    @Test
    void aDowngradeIsDeferredToTheNextPeriodAndANegativeQuantityWritesNothing() {
        String email = SignUpIT.newCustomer(cloudy);
        String token = cloudy.token(email, SignUpIT.PASSWORD);
        long id = SubscriptionFixtures.cloudyMail(email, withStorage(5));

        HttpResponse<String> negative = change(token, id, "{\"type\":\"BILLING_ITEM_UPGRADE\",\"extraResources\":{\"storage\":-1}}");
        assertThat(negative.statusCode()).as("%s", negative.body()).isEqualTo(422);
        assertThat(Http.json(negative).get("field").asText()).isEqualTo("extraResources");
        assertThat(SubscriptionFixtures.one("SELECT COUNT(*) FROM purchase_order WHERE subscription_id = ?", id)).as("only the purchase")
                .isEqualTo("1");

        HttpResponse<String> downgrade = change(token, id, "{\"type\":\"BILLING_ITEM_UPGRADE\",\"extraResources\":{\"storage\":2}}");

        assertThat(downgrade.statusCode()).as("%s", downgrade.body()).isEqualTo(201);
        assertThat(Http.json(downgrade).get("status").asText()).isEqualTo("DEFERRED");
        assertThat(TestDatabase.query("SELECT CONCAT(extra_resources, ' ', next_extra_resources) FROM subscription WHERE id = ?", id))
                .containsExactly("storage=5 storage=2");
        assertThat(SubscriptionFixtures.one("SELECT COUNT(*) FROM proceed WHERE subscription_id = ?", id)).isEqualTo("0");
        JsonNode view = Http.json(cloudy.get("/api/v1/subscriptions/" + id, Http.bearer(token)));
        assertThat(view.get("nextExtraResources").get("storage").asLong()).isEqualTo(2);
    }

    /** Mail Pro needs its auditor's approval (DemoCloudyShop): a change to it, or of a Pro subscription, waits for Cloudy. */
    @Test
    void aDearerPlanIsChargedNowForTheTimeLeftAndACheaperOneIsDeferredEachOnceApproved() {
        String email = SignUpIT.newCustomer(cloudy);
        String token = cloudy.token(email, SignUpIT.PASSWORD);
        String auditor = acme.token("reseller2@acme.test", "demo");
        long basic = SubscriptionFixtures.cloudyMail(email, new SubscriptionFixtures.Spec("NORMAL", "DEPLOYED", "Basic",
                SubscriptionFixtures.snapshot("Basic", "5.04", null), "", null, false));
        String pro = SubscriptionFixtures.one("SELECT p.id FROM plan p JOIN product r ON r.id = p.product_id"
                + " WHERE r.name = 'Nimbus Mail' AND p.name = 'Pro' AND r.tenant_id = (SELECT id FROM tenant WHERE slug = 'acme')");
        String basicPlan = SubscriptionFixtures.one("SELECT plan_id FROM subscription WHERE id = ?", basic);

        JsonNode refused = Http.json(change(token, basic, "{\"type\":\"SYNDICATED_UPGRADE\",\"planId\":" + pro + "}"));
        assertThat(refused.get("status").asText()).isEqualTo("REQUIRES_APPROVAL");
        assertThat(acme.postJson("/api/v1/orders/" + refused.get("id").asLong() + "/reject", "{\"reason\":\"Not Pro\"}",
                Http.bearer(auditor)).statusCode()).isEqualTo(200);
        assertThat(SubscriptionFixtures.one("SELECT CONCAT(plan_id, ' ', deployment_status) FROM subscription WHERE id = ?", basic))
                .as("a refused change leaves it as it was").isEqualTo(basicPlan + " DEPLOYED");
        assertThat(SubscriptionFixtures.one("SELECT COUNT(*) FROM proceed WHERE subscription_id = ?", basic)).isEqualTo("0");

        HttpResponse<String> up = change(token, basic, "{\"type\":\"SYNDICATED_UPGRADE\",\"planId\":" + pro + "}");
        assertThat(up.statusCode()).as("%s", up.body()).isEqualTo(201);
        long upId = Http.json(up).get("id").asLong();
        assertThat(Http.json(up).get("invoiceId").isNull()).as("nothing billed before approval").isTrue();
        assertThat(proceeds(upId)).isEmpty();
        HttpResponse<String> approved = acme.post("/api/v1/orders/" + upId + "/approve", Http.bearer(auditor));

        assertThat(approved.statusCode()).as("%s", approved.body()).isEqualTo(200);
        JsonNode order = Http.json(approved);
        assertThat(order.get("status").asText()).isEqualTo("PAID");
        assertThat(order.get("invoiceId").asLong()).as("invoiced at approval").isPositive();
        // the old plan at the window's price (5.04), the new one at Cloudy's price today (10.08, ChannelApiIT)
        BigDecimal credit = scaled(new BigDecimal("5.04")).negate();
        BigDecimal debit = scaled(new BigDecimal("10.08"));
        assertThat(proceeds(upId)).containsExactly("PRORATION_CREDIT " + credit + " 1.0000", "PRORATION_DEBIT " + debit + " 1.0000");
        assertThat(SubscriptionFixtures.one("SELECT plan_id FROM subscription WHERE id = ?", basic)).isEqualTo(pro);
        assertThat(new BigDecimal(SubscriptionFixtures.one("SELECT JSON_VALUE(prices, '$.sellOut.license') FROM subscription WHERE id = ?",
                basic))).as("a new window at the new plan's prices").isEqualByComparingTo("10.08");

        long onPro = SubscriptionFixtures.cloudyMail(email, new SubscriptionFixtures.Spec("NORMAL", "DEPLOYED", "Pro",
                SubscriptionFixtures.snapshot("Pro", "10.08", null), "", null, false));
        HttpResponse<String> down = change(token, onPro, "{\"type\":\"SYNDICATED_UPGRADE\",\"planId\":" + basicPlan + "}");
        assertThat(down.statusCode()).as("%s", down.body()).isEqualTo(201);
        assertThat(Http.json(down).get("status").asText()).as("a Pro subscription's change").isEqualTo("REQUIRES_APPROVAL");
        HttpResponse<String> downApproved = acme.post("/api/v1/orders/" + Http.json(down).get("id").asLong() + "/approve",
                Http.bearer(auditor));
        assertThat(downApproved.statusCode()).as("%s", downApproved.body()).isEqualTo(200);
        assertThat(Http.json(downApproved).get("status").asText()).isEqualTo("DEFERRED");
        assertThat(TestDatabase.query("SELECT CONCAT(plan_id, ' ', next_plan_id) FROM subscription WHERE id = ?", onPro))
                .containsExactly(pro + " " + basicPlan);
        HttpResponse<String> unsubscribe = change(token, onPro, "{\"type\":\"UNSUBSCRIBE\"}");
        assertThat(Http.json(unsubscribe).get("status").asText()).as("stopping needs nobody's approval").isEqualTo("FREE");
    }

    @Test
    void anUpgradeOfAPlanNeedingApprovalIsPricedAndInvoicedOnceApproved() {
        String email = SignUpIT.newCustomer(cloudy);
        String token = cloudy.token(email, SignUpIT.PASSWORD);
        long id = SubscriptionFixtures.cloudyMail(email, new SubscriptionFixtures.Spec("NORMAL", "DEPLOYED", "Pro",
                SubscriptionFixtures.snapshot("Pro", "10.08", "2.50"), "storage=3", null, false));

        JsonNode asked = Http.json(change(token, id, "{\"type\":\"BILLING_ITEM_UPGRADE\",\"extraResources\":{\"storage\":5}}"));
        assertThat(asked.get("status").asText()).isEqualTo("REQUIRES_APPROVAL");
        assertThat(SubscriptionFixtures.one("SELECT extra_resources FROM subscription WHERE id = ?", id)).isEqualTo("storage=3");
        HttpResponse<String> approved = acme.post("/api/v1/orders/" + asked.get("id").asLong() + "/approve",
                Http.bearer(acme.token("reseller2@acme.test", "demo")));

        assertThat(approved.statusCode()).as("%s", approved.body()).isEqualTo(200);
        assertThat(Http.json(approved).get("status").asText()).isEqualTo("PAID");
        assertThat(proceeds(asked.get("id").asLong())).containsExactly(
                "PRORATION_CREDIT " + scaled(new BigDecimal("7.50")).negate() + " 1.0000", "PRORATION_DEBIT " + scaled(new BigDecimal("12.50"))
                        + " 1.0000");
        assertThat(SubscriptionFixtures.one("SELECT extra_resources FROM subscription WHERE id = ?", id)).isEqualTo("storage=5");
    }

    @Test
    void aTrialTakesNoPaidChangeButItsTermination() {
        String email = SignUpIT.newCustomer(cloudy);
        String token = cloudy.token(email, SignUpIT.PASSWORD);
        long trial = SubscriptionFixtures.cloudyMail(email, new SubscriptionFixtures.Spec("TRIAL", "DEPLOYED", "Basic",
                SubscriptionFixtures.snapshot("Basic", "5.04", "2.50"), "storage=1", 240, false));
        String pro = SubscriptionFixtures.one("SELECT p.id FROM plan p JOIN product r ON r.id = p.product_id"
                + " WHERE r.name = 'Nimbus Mail' AND p.name = 'Pro' AND r.tenant_id = (SELECT id FROM tenant WHERE slug = 'acme')");

        assertThat(change(token, trial, "{\"type\":\"BILLING_ITEM_UPGRADE\",\"extraResources\":{\"storage\":50}}").statusCode())
                .isEqualTo(409);
        assertThat(change(token, trial, "{\"type\":\"SYNDICATED_UPGRADE\",\"planId\":" + pro + "}").statusCode()).isEqualTo(409);
        assertThat(SubscriptionFixtures.one("SELECT COUNT(*) FROM purchase_order WHERE subscription_id = ?", trial)).as("only the trial")
                .isEqualTo("1");
        assertThat(SubscriptionFixtures.one("SELECT COUNT(*) FROM proceed WHERE subscription_id = ?", trial)).isEqualTo("0");

        HttpResponse<String> terminated = change(token, trial, "{\"type\":\"TERMINATION\"}");
        assertThat(terminated.statusCode()).as("%s", terminated.body()).isEqualTo(201);
        assertThat(SubscriptionFixtures.one("SELECT deployment_status FROM subscription WHERE id = ?", trial)).isEqualTo("UNDEPLOYED");
    }

    @Test
    void unsubscribeLetsItRunAndTerminationUndeploysAtOnceEachByWhoMay() {
        String email = SignUpIT.newCustomer(cloudy);
        String token = cloudy.token(email, SignUpIT.PASSWORD);
        long id = SubscriptionFixtures.cloudyMail(email, withStorage(1));

        assertThat(change(acme.token("vendor@acme.test", "demo"), id, "{\"type\":\"UNSUBSCRIBE\"}", acme).statusCode())
                .as("its vendor sees it but does not change it").isEqualTo(403);
        assertThat(change(acme.token("reseller@acme.test", "demo"), id, "{\"type\":\"UNSUBSCRIBE\"}", acme).statusCode())
                .as("another reseller").isEqualTo(404);
        Http globex = Http.host("globex.localhost");
        assertThat(change(globex.token("admin@globex.test", "demo"), id, "{\"type\":\"TERMINATION\"}", globex).statusCode())
                .as("another tenant's admin, on its own host").isEqualTo(404);
        assertThat(change(token, id, "{\"type\":\"NORMAL\"}").statusCode()).as("not a change").isEqualTo(422);

        HttpResponse<String> unsubscribe = change(acme.token("reseller2@acme.test", "demo"), id, "{\"type\":\"UNSUBSCRIBE\"}", acme);
        assertThat(unsubscribe.statusCode()).as("its seller: %s", unsubscribe.body()).isEqualTo(201);
        assertThat(Http.json(unsubscribe).get("status").asText()).isEqualTo("FREE");
        assertThat(TestDatabase.query("SELECT CONCAT(auto_renew, ' ', deployment_status) FROM subscription WHERE id = ?", id))
                .containsExactly("0 DEPLOYED");

        HttpResponse<String> terminate = change(acme.token("admin@acme.test", "demo"), id, "{\"type\":\"TERMINATION\",\"reason\":\"fraud\"}", acme);
        assertThat(terminate.statusCode()).as("the admin: %s", terminate.body()).isEqualTo(201);
        JsonNode order = Http.json(terminate);
        assertThat(order.get("type").asText()).isEqualTo("TERMINATION");
        assertThat(order.get("status").asText()).isEqualTo("FREE");
        assertThat(TestDatabase.query("SELECT CONCAT(what, ' ', to_value, ' ', reason) FROM subscription_change"
                + " WHERE subscription_id = ? AND order_id = ? ORDER BY id", id, order.get("id").asLong()))
                .as("the changelog names the termination's order").hasSize(2).first().isEqualTo("STATUS UNDEPLOY_SENT fraud");
        assertThat(TestDatabase.query("SELECT to_value FROM subscription_change WHERE subscription_id = ? AND what = 'STATUS' ORDER BY id", id))
                .containsExactly("UNDEPLOY_SENT", "UNDEPLOYED");
        assertThat(change(token, id, "{\"type\":\"UNSUBSCRIBE\"}").statusCode()).as("no longer live").isEqualTo(409);
    }

    @Test
    void anEndedTrialBecomesNormalWhenThePlanSaysSoAndIsTerminatedOtherwise() {
        String email = SignUpIT.newCustomer(cloudy);
        long converts = SubscriptionFixtures.cloudyMail(email, new SubscriptionFixtures.Spec("TRIAL", "DEPLOYED", "Basic",
                SubscriptionFixtures.snapshot("Basic", "5.04", null), "", 240, true));
        long ends = SubscriptionFixtures.cloudyMail(email, new SubscriptionFixtures.Spec("TRIAL", "DEPLOYED", "Basic",
                SubscriptionFixtures.snapshot("Basic", "5.04", null), "", 240, false));
        long running = SubscriptionFixtures.cloudyMail(email, new SubscriptionFixtures.Spec("TRIAL", "DEPLOYED", "Basic",
                SubscriptionFixtures.snapshot("Basic", "5.04", null), "", 240, false));

        TestDatabase.update("UPDATE subscription SET trial_ends_at = TIMESTAMPADD(MINUTE, -1, UTC_TIMESTAMP(6)) WHERE id IN (?, ?)", converts, ends);

        Eventually.holds("both trials ended", Duration.ofSeconds(30), () -> TestDatabase.query(
                "SELECT CONCAT(type, ' ', deployment_status) FROM subscription WHERE id IN (?, ?) ORDER BY id", converts, ends)
                .equals(List.of("NORMAL DEPLOYED", "TRIAL UNDEPLOYED")));
        assertThat(TestDatabase.query("SELECT what FROM subscription_change WHERE subscription_id = ? ORDER BY id", converts))
                .containsExactly("TYPE", "ANCHOR", "PERIOD", "ENDS_AT", "PAID");
        assertThat(TestDatabase.query("SELECT CONCAT(what, ' ', to_value) FROM subscription_change WHERE subscription_id = ? ORDER BY id", ends))
                .containsExactly("STATUS UNDEPLOY_SENT", "STATUS UNDEPLOYED");
        assertThat(TestDatabase.query("SELECT CONCAT(kind, ' ', FORMAT(amount, 2, 'en_US')) FROM proceed WHERE subscription_id = ?", converts))
                .as("the first paid period is billed").containsExactly("LICENSE 5.04");
        assertThat(SubscriptionFixtures.one("SELECT COUNT(*) FROM invoice WHERE order_id = (SELECT order_id FROM subscription WHERE id = ?)"
                + " AND status = 'UNPAID'", converts)).as("and invoiced").isEqualTo("1");
        assertThat(SubscriptionFixtures.one("SELECT COUNT(*) FROM proceed WHERE subscription_id = ?", ends)).as("an ended trial bills nothing")
                .isEqualTo("0");
        assertThat(SubscriptionFixtures.one("SELECT CONCAT(type, ' ', deployment_status) FROM subscription WHERE id = ?", running))
                .as("a trial whose end has not come").isEqualTo("TRIAL DEPLOYED");
    }

    private HttpResponse<String> change(String token, long id, String body) {
        return change(token, id, body, cloudy);
    }

    private static HttpResponse<String> change(String token, long id, String body, Http host) {
        return host.postJson("/api/v1/subscriptions/" + id + "/changes", body, Http.bearer(token));
    }

    /** "KIND amount quantity" of the proceeds an order wrote, credit first (ProrationItem: one unit at the scaled price). */
    private static List<String> proceeds(long orderId) {
        return TestDatabase.query("SELECT CONCAT(kind, ' ', FORMAT(amount, 2, 'en_US'), ' ', quantity) FROM proceed WHERE order_id = ?"
                + " ORDER BY kind", orderId);
    }

    private static JsonNode lastOf(JsonNode changelog, String what) {
        JsonNode found = null;
        for (JsonNode line : changelog) {
            if (line.get("what").asText().equals(what)) {
                found = line;
            }
        }
        assertThat(found).as("a %s line in %s", what, changelog).isNotNull();
        return found;
    }
}
