package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The demo's living marketplace (issue 11, Demo data), read through the API as each tenant's admin:
 * the tenant's first subscriptions (eight on acme, seven on globex, which has no resellers) are the demo's, bought at startup before any request, one of
 * each kind (monthly, a year billed monthly, hourly, a trial, a seller's push order, one waiting for
 * approval, one waiting for payment, one suspended), and each one that bills has its first invoice:
 * paid for the running and the suspended ones, unpaid for the one waiting for payment, none for the
 * trial and the one waiting for approval.
 */
class DemoSubscriptionsIT extends EarIT {

    @Test
    void acmeHasASubscriptionOfEveryKindWithItsInvoices() {
        Http acme = Http.host("acme.localhost");
        String admin = acme.token("admin@acme.test", "demo");
        Map<String, JsonNode> demo = demoSubscriptions(acme, admin, 8);

        assertThat(demo.keySet()).containsExactlyInAnyOrder("Nimbus Drive Business NORMAL DEPLOYED", "Orbit CRM Starter NORMAL DEPLOYED",
                "Nimbus Sandbox Hourly NORMAL DEPLOYED", "Orbit Invoicing Standard NORMAL STOPPED", "Nimbus Mail Basic NORMAL DEPLOYED",
                "Orbit Forms Pro NORMAL WAITING_PAYMENT", "Nimbus Drive Business TRIAL DEPLOYED", "Nimbus Mail Pro NORMAL REQUIRES_APPROVAL");
        assertKinds(acme, admin, demo, "Nimbus Drive Business", "Orbit CRM Starter", "Nimbus Sandbox Hourly", "Orbit Invoicing Standard",
                "Orbit Forms Pro", "Nimbus Mail Pro");
        // the push orders of the resellers: Bright's for Rossi, Cloudy's for Backhaus Weber
        String rossi = TestDatabase.query("SELECT id FROM organization WHERE name = 'Rossi Costruzioni'").get(0);
        String bright = TestDatabase.query("SELECT id FROM organization WHERE name = 'Bright IT Reseller'").get(0);
        String cloudy = TestDatabase.query("SELECT id FROM organization WHERE name = 'Cloudy Partners'").get(0);
        assertThat(demo.get("Nimbus Drive Business NORMAL DEPLOYED").get("customerId").asText()).isEqualTo(rossi);
        assertThat(demo.get("Nimbus Drive Business NORMAL DEPLOYED").get("sellerId").asText()).isEqualTo(bright);
        assertThat(demo.get("Nimbus Mail Basic NORMAL DEPLOYED").get("sellerId").asText()).isEqualTo(cloudy);
        assertThat(TestDatabase.query("SELECT source FROM purchase_order WHERE id = ?",
                demo.get("Nimbus Mail Basic NORMAL DEPLOYED").get("orderId").asLong())).containsExactly("PUSH");
    }

    @Test
    void globexHasASubscriptionOfEveryKindWithItsInvoices() {
        Http globex = Http.host("globex.localhost");
        String admin = globex.token("admin@globex.test", "demo");
        Map<String, JsonNode> demo = demoSubscriptions(globex, admin, 7);

        assertThat(demo.keySet()).containsExactlyInAnyOrder("Hooli Drive Business NORMAL DEPLOYED", "Vandelay CRM Starter NORMAL DEPLOYED",
                "Hooli Sandbox Hourly NORMAL DEPLOYED", "Vandelay Invoicing Standard NORMAL STOPPED",
                "Vandelay Forms Pro NORMAL WAITING_PAYMENT", "Hooli Drive Business TRIAL DEPLOYED", "Hooli Mail Pro NORMAL REQUIRES_APPROVAL");
        assertKinds(globex, admin, demo, "Hooli Drive Business", "Vandelay CRM Starter", "Hooli Sandbox Hourly",
                "Vandelay Invoicing Standard", "Vandelay Forms Pro", "Hooli Mail Pro");
        assertThat(TestDatabase.query("SELECT source FROM purchase_order WHERE id = ?",
                demo.get("Hooli Drive Business NORMAL DEPLOYED").get("orderId").asLong())).as("the admin's push order").containsExactly("PUSH");
    }

    /** Monthly, a year billed monthly, hourly, suspended with its reason, each with its first invoice as it should be. */
    private static void assertKinds(Http host, String admin, Map<String, JsonNode> demo, String monthly, String yearly, String hourly,
                                    String suspended, String waiting, String approval) {
        assertThat(hours(demo.get(monthly + " NORMAL DEPLOYED"), "periodEnd")).isBetween(28 * 24L, 31 * 24L);
        JsonNode year = demo.get(yearly + " NORMAL DEPLOYED");
        assertThat(hours(year, "periodEnd")).as("billed monthly").isBetween(28 * 24L, 31 * 24L);
        assertThat(hours(year, "endsAt")).as("for a year").isBetween(365 * 24L, 366 * 24L);
        assertThat(hours(demo.get(hourly + " NORMAL DEPLOYED"), "periodEnd")).isEqualTo(1);
        JsonNode stopped = Http.json(host.get("/api/v1/subscriptions/" + demo.get(suspended + " NORMAL STOPPED").get("id").asLong(),
                Http.bearer(admin)));
        assertThat(stopped.get("changelog").findValuesAsText("reason")).contains("invoice unpaid past its due date (demo)");

        Map<Long, JsonNode> invoices = invoicesByOrder(host, admin);
        for (String running : List.of(monthly + " NORMAL DEPLOYED", yearly + " NORMAL DEPLOYED", hourly + " NORMAL DEPLOYED",
                suspended + " NORMAL STOPPED")) {
            JsonNode invoice = invoices.get(demo.get(running).get("orderId").asLong());
            assertThat(invoice).as("the first invoice of %s", running).isNotNull();
            assertThat(invoice.get("status").asText()).as(running).isEqualTo("PAID");
            assertThat(invoice.get("total").decimalValue()).as(running).isPositive();
        }
        assertThat(invoices.get(demo.get(waiting + " NORMAL WAITING_PAYMENT").get("orderId").asLong()).get("status").asText())
                .isEqualTo("UNPAID");
        assertThat(invoices).doesNotContainKey(demo.get(approval + " NORMAL REQUIRES_APPROVAL").get("orderId").asLong());
        String trial = demo.keySet().stream().filter(key -> key.contains(" TRIAL ")).findFirst().orElseThrow();
        assertThat(invoices).as("a trial is billed to nobody").doesNotContainKey(demo.get(trial).get("orderId").asLong());
    }

    /** The tenant's first subscriptions (the demo buys them at startup, before any request), by "product plan type status". */
    private static Map<String, JsonNode> demoSubscriptions(Http host, String admin, int count) {
        List<JsonNode> all = pages(host, admin, "/api/v1/subscriptions");
        all.sort(Comparator.comparingLong(subscription -> subscription.get("id").asLong()));
        Map<String, JsonNode> demo = new HashMap<>();
        for (JsonNode subscription : all.subList(0, Math.min(count, all.size()))) {
            demo.put(subscription.get("productName").asText() + " " + subscription.get("planName").asText() + " "
                    + subscription.get("type").asText() + " " + subscription.get("deploymentStatus").asText(), subscription);
        }
        return demo;
    }

    private static Map<Long, JsonNode> invoicesByOrder(Http host, String admin) {
        Map<Long, JsonNode> byOrder = new HashMap<>();
        for (JsonNode invoice : pages(host, admin, "/api/v1/invoices")) {
            if (invoice.hasNonNull("orderId") && invoice.get("kind").asText().equals("INVOICE")) {
                byOrder.putIfAbsent(invoice.get("orderId").asLong(), invoice);
            }
        }
        return byOrder;
    }

    private static List<JsonNode> pages(Http host, String admin, String path) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = Http.json(host.get(path + "?limit=100" + (cursor == null ? "" : "&cursor=" + cursor), Http.bearer(admin)));
            page.get("items").forEach(items::add);
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);
        return items;
    }

    private static long hours(JsonNode subscription, String end) {
        return Duration.between(Instant.parse(subscription.get("periodStart").asText()), Instant.parse(subscription.get(end).asText()))
                .toHours();
    }
}
