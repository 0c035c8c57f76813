package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The dry run (issue 13): GET /api/v1/subscriptions/{id}/invoice-preview?at= on acme's demo "Orbit CRM Starter", a year
 * billed monthly that Bright IT pushed to Rossi, whose first invoice billed period 0. Previewed at the next period's
 * start it shows that period's license; the tenant's admin and Bright see it, Cloudy (a peer reseller) and globex's admin
 * get a 404; a bad {@code at} is a 422 naming it; and no row of the billing tables is written. The back-office page's
 * "Preview billing" shows the same lines.
 */
class InvoicePreviewIT extends EarIT {

    private static final List<String> WRITTEN = List.of("proceed", "invoice", "invoice_line", "purchase_order", "subscription_change");

    private final Http acme = Http.host("acme.localhost");

    @Test
    void theNextPeriodsPrepaidLinesForWhoeverMaySeeTheSubscriptionAndNothingWritten() {
        String id = SubscriptionFixtures.one("SELECT s.id FROM subscription s JOIN product p ON p.id = s.product_id"
                + " JOIN plan l ON l.id = s.plan_id WHERE s.tenant_id = (SELECT id FROM tenant WHERE slug = 'acme')"
                + " AND p.name = 'Orbit CRM' AND l.name = 'Starter' AND s.type = 'NORMAL' ORDER BY s.id LIMIT 1");
        String path = "/api/v1/subscriptions/" + id + "/invoice-preview";
        String admin = acme.token("admin@acme.test", "demo");
        JsonNode subscription = Http.json(acme.get("/api/v1/subscriptions/" + id, Http.bearer(admin)));
        Instant periodStart = Instant.parse(subscription.get("periodStart").asText());
        Instant next = Instant.parse(subscription.get("periodEnd").asText());
        String license = SubscriptionFixtures.one("SELECT amount FROM proceed WHERE subscription_id = ? AND kind = 'LICENSE'"
                + " AND period_start = (SELECT MIN(period_start) FROM proceed WHERE subscription_id = ? AND kind = 'LICENSE')", id, id);
        List<String> before = counts(id);

        HttpResponse<String> response = acme.get(path + "?at=" + next.plusSeconds(300), Http.bearer(admin));
        assertThat(response.statusCode()).as("%s", response.body()).isEqualTo(200);
        JsonNode preview = Http.json(response);
        assertThat(preview.get("subscriptionId").asText()).isEqualTo(id);
        assertThat(preview.get("currency").asText()).isEqualTo("EUR");
        JsonNode line = licenseLine(preview, next);
        assertThat(line).as("the next period's license in %s", preview).isNotNull();
        assertThat(Instant.parse(line.get("periodEnd").asText())).isAfter(next);
        assertThat(line.get("amount").decimalValue()).as("the snapshot's price, as the first invoice's").isEqualByComparingTo(license);
        assertThat(line.get("currency").asText()).isEqualTo("EUR");
        assertThat(preview.get("lines").findValuesAsText("kind")).doesNotContain("SETUP_FEE");
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode each : preview.get("lines")) {
            sum = sum.add(each.get("amount").decimalValue());
        }
        assertThat(preview.get("total").decimalValue()).isEqualByComparingTo(sum);

        assertThat(preview.get("renewalDue").asBoolean()).as("inside the window").isFalse();
        // at the window's end the preview stops where the run would renew (today's lists price the renewal): it says so
        Instant endsAt = Instant.parse(SubscriptionFixtures.one("SELECT DATE_FORMAT(ends_at, '%Y-%m-%dT%H:%i:%s.%fZ') FROM subscription"
                + " WHERE id = ?", id));
        boolean autoRenew = SubscriptionFixtures.one("SELECT IF(auto_renew, 'yes', 'no') FROM subscription WHERE id = ?", id).equals("yes");
        JsonNode atTheEnd = Http.json(acme.get(path + "?at=" + endsAt.plusSeconds(60), Http.bearer(admin)));
        assertThat(atTheEnd.get("renewalDue").asBoolean()).as("%s", atTheEnd).isEqualTo(autoRenew);
        assertThat(atTheEnd.get("lines").findValuesAsText("periodStart")).as("nothing of the next window")
                .allMatch(start -> Instant.parse(start).isBefore(endsAt));

        JsonNode now = Http.json(acme.get(path + "?at=" + periodStart.plusSeconds(60), Http.bearer(admin)));
        assertThat(licenseLine(now, periodStart)).as("period 0 is the first invoice's: %s", now).isNull();

        HttpResponse<String> seller = acme.get(path + "?at=" + next, Http.bearer(acme.token("reseller@acme.test", "demo")));
        assertThat(seller.statusCode()).as("Bright sold it: %s", seller.body()).isEqualTo(200);
        assertThat(licenseLine(Http.json(seller), next)).isNotNull();
        assertThat(acme.get(path + "?at=" + next, Http.bearer(acme.token("reseller2@acme.test", "demo"))).statusCode())
                .as("Cloudy, a peer reseller").isEqualTo(404);
        Http globex = Http.host("globex.localhost");
        assertThat(globex.get(path + "?at=" + next, Http.bearer(globex.token("admin@globex.test", "demo"))).statusCode())
                .as("another tenant's admin").isEqualTo(404);
        assertThat(acme.get(path + "?at=" + next).statusCode()).as("anonymous").isEqualTo(401);

        for (String bad : List.of("", "?at=", "?at=tomorrow", "?at=2026-13-01T00:00:00Z")) {
            HttpResponse<String> refused = acme.get(path + bad, Http.bearer(admin));
            assertThat(refused.statusCode()).as("%s: %s", bad, refused.body()).isEqualTo(422);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(Http.json(refused).get("field").asText()).isEqualTo("at");
        }

        String page = page("admin@acme.test", "/backoffice/invoice-preview.xhtml?subscription=" + id + "&at=" + next.plusSeconds(300));
        assertThat(page).contains("id=\"previewBilling\"").contains("<span class=\"preview-kind\">LICENSE</span>");
        String peerPage = page("reseller2@acme.test", "/backoffice/invoice-preview.xhtml?subscription=" + id + "&at=" + next);
        assertThat(peerPage).doesNotContain("preview-kind");

        assertThat(counts(id)).as("the dry run writes nothing").isEqualTo(before);
    }

    private static JsonNode licenseLine(JsonNode preview, Instant periodStart) {
        for (JsonNode line : preview.get("lines")) {
            if ("LICENSE".equals(line.get("kind").asText()) && Instant.parse(line.get("periodStart").asText()).equals(periodStart)) {
                return line;
            }
        }
        return null;
    }

    /** The rows of the tables a billing run writes, and the subscription's version. */
    private static List<String> counts(String subscription) {
        List<String> counts = new ArrayList<>();
        for (String table : WRITTEN) {
            counts.add(table + "=" + TestDatabase.query("SELECT COUNT(*) FROM " + table).get(0));
        }
        counts.add("version=" + TestDatabase.query("SELECT version FROM subscription WHERE id = ?", subscription).get(0));
        return counts;
    }

    /** The page as {@code email} sees it, signed in afresh. */
    private static String page(String email, String path) {
        Http http = Http.host("acme.localhost");
        String session = WebSessionIT.signIn(http, email, "demo", true);
        HttpResponse<String> response = http.get(path, "Cookie", "JSESSIONID=" + session);
        assertThat(response.statusCode()).as("%s %s: %s", email, path, response.body()).isEqualTo(200);
        return response.body();
    }
}
