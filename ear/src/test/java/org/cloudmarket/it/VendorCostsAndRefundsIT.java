package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, stream COSTS: a sandbox's month of infrastructure cost invoiced to its vendor once, however often the
 * month is invoiced; refunds of a paid invoice by credit notes, in part then the rest, never more than is left (also
 * when asked twice at once), and only by the tenant's ADMIN or the issuing reseller. Its own data: a Nimbus sandbox
 * whose history is moved into last month, orders of Rossi at Bright IT's store; Nimbus Mail Pro's daily cost goes back
 * to 0.
 */
class VendorCostsAndRefundsIT extends EarIT {

    private static final ZoneId ACME_ZONE = ZoneId.of("Europe/Rome");
    private static final String ACME_HOST = "acme.localhost";
    private final Http acme = Http.host("acme.localhost");
    private final Http store = Http.host("reseller.acme.localhost");
    private final Http globex = Http.host("globex.localhost");

    @Test
    void aSandboxsMonthIsInvoicedToItsVendorOnceAtThePlansDailyCost() {
        String admin = acme.token("admin@acme.test", "demo");
        String vendor = acme.token("vendor@acme.test", "demo");
        JsonNode mail = Http.json(acme.get("/api/v1/catalog/nimbus-mail"));
        long productId = mail.get("id").asLong();
        long mailPro = plan(mail, "Pro");
        HttpResponse<String> placed = acme.postJson("/api/v1/orders", "{\"planId\":" + mailPro + ",\"duration\":1,\"type\":\"SANDBOX\"}",
                Http.bearer(vendor));
        assertThat(placed.statusCode()).as("%s", placed.body()).isEqualTo(201);
        long subscription = Http.json(placed).get("subscriptionId").asLong();
        // the runs are read from the changelog in id order: its creation first, then its deployment (Lifecycle.start)
        assertThat(TestDatabase.query("SELECT CONCAT(what, ' ', COALESCE(from_value, '-'), '>', to_value) FROM subscription_change"
                + " WHERE subscription_id = ? ORDER BY id", subscription)).containsExactly("STATUS ->PENDING", "STATUS PENDING>DEPLOYED");
        // its life moved into last month: created and deployed on the 28th at 10:00 UTC (11:00 in Rome), still running
        YearMonth last = YearMonth.now(ACME_ZONE).minusMonths(1);
        String deployedAt = last.atDay(28) + " 10:00:00";
        TestDatabase.update("UPDATE subscription SET created_at = ? WHERE id = ?", deployedAt, subscription);
        TestDatabase.update("UPDATE subscription_change SET changed_at = ? WHERE subscription_id = ?", deployedAt, subscription);
        int days = last.lengthOfMonth() - 27;
        String costPath = "/api/v1/products/" + productId + "/plans/" + mailPro + "/daily-trial-cost";
        try {
            assertThat(acme.putJson(costPath, "{\"dailyTrialCost\":2.5}", Http.bearer(vendor)).statusCode())
                    .as("a vendor does not set its own cost").isEqualTo(403);
            for (String bad : List.of("-1", "0.00001", "1e999999999")) {
                assertProblem(acme.putJson(costPath, "{\"dailyTrialCost\":" + bad + "}", Http.bearer(admin)), 422, "dailyTrialCost");
            }
            try (Browser page = new Browser()) {
                signIn(page, "admin@acme.test");
                page.open(ACME_HOST, "/backoffice/trial-costs.xhtml");
                page.retype("#trial-cost-" + mailPro, "-1");
                page.clickAndWait("#save-trial-cost-" + mailPro);
                assertThat(page.text()).as("refused on the page").contains("dailyTrialCost");
                page.retype("#trial-cost-" + mailPro, "2.5");
                page.clickAndWait("#save-trial-cost-" + mailPro);
                assertThat(page.find("#trial-cost-" + mailPro).getAttribute("value")).isEqualTo("2.5000");
                page.screenshot("trial-costs");
            }
            assertThat(plan(Http.json(acme.get("/api/v1/products/" + productId, Http.bearer(vendor))), mailPro).get("dailyTrialCost")
                    .decimalValue()).as("the vendor reads its cost").isEqualByComparingTo("2.5");

            assertProblem(acme.postJson("/api/v1/vendor-costs", "{\"month\":\"" + YearMonth.now(ACME_ZONE) + "\"}", Http.bearer(admin)),
                    422, "month");
            assertProblem(acme.postJson("/api/v1/vendor-costs", "{\"month\":\"2026-13\"}", Http.bearer(admin)), 422, "month");
            assertThat(acme.postJson("/api/v1/vendor-costs", "{\"month\":\"" + last + "\"}", Http.bearer(vendor)).statusCode())
                    .isEqualTo(403);

            HttpResponse<String> first = acme.postJson("/api/v1/vendor-costs", "{\"month\":\"" + last + "\"}", Http.bearer(admin));
            assertThat(first.statusCode()).as("%s", first.body()).isEqualTo(200);
            JsonNode invoice = null;
            for (JsonNode issued : Http.json(first).get("invoices")) {
                if (issued.get("customer").get("id").asLong() == mail.get("vendorId").asLong()) {
                    invoice = issued;
                }
            }
            assertThat(invoice).as("Nimbus's invoice: %s", first.body()).isNotNull();
            assertThat(invoice.get("kind").asText()).isEqualTo("INVOICE");
            assertThat(invoice.get("issuer").hasNonNull("id")).as("issued by the tenant (no issuer organization)").isFalse();
            assertThat(invoice.get("customer").get("name").asText()).isEqualTo(TestDatabase.query(
                    "SELECT legal_name FROM organization WHERE id = ?", mail.get("vendorId").asLong()).get(0));
            JsonNode line = null;
            for (JsonNode candidate : invoice.get("lines")) {
                if (candidate.get("description").asText().contains("subscription " + subscription + ",")) {
                    line = candidate;
                }
            }
            assertThat(line).as("the sandbox's line: %s", invoice).isNotNull();
            assertThat(line.get("quantity").decimalValue()).as("the days of %s from the 28th", last).isEqualByComparingTo(String.valueOf(days));
            assertThat(line.get("unitPrice").decimalValue()).isEqualByComparingTo("2.5");
            assertThat(line.get("netAmount").decimalValue()).isEqualByComparingTo(new BigDecimal("2.5").multiply(BigDecimal.valueOf(days)));
            long invoiceId = invoice.get("id").asLong();
            String number = invoice.get("number").asText();
            // the vendor reads the invoice addressed to it, whole (its PDF too), and finds it in its list
            JsonNode own = Http.json(acme.get("/api/v1/invoices/" + invoiceId, Http.bearer(vendor)));
            assertThat(own.get("number").asText()).isEqualTo(number);
            assertThat(acme.get("/api/v1/invoices/" + invoiceId + "/pdf", Http.bearer(vendor)).statusCode()).isEqualTo(200);
            assertThat(acme.get("/api/v1/invoices?kind=INVOICE", Http.bearer(vendor)).body()).contains("\"" + number + "\"");
            assertThat(globex.get("/api/v1/invoices/" + invoiceId, Http.bearer(globex.token("admin@globex.test", "demo"))).statusCode())
                    .as("another tenant's ADMIN").isEqualTo(404);
            assertThat(acme.get("/api/v1/invoices/" + invoiceId, Http.bearer(acme.token("vendor2@acme.test", "demo"))).statusCode())
                    .as("another vendor").isEqualTo(404);
            MailCatcher.awaitMails("vendor@acme.test", caught -> caught.subject().contains(number), 1, Duration.ofSeconds(30));

            HttpResponse<String> second = acme.postJson("/api/v1/vendor-costs", "{\"month\":\"" + last + "\"}", Http.bearer(admin));
            assertThat(second.statusCode()).as("%s", second.body()).isEqualTo(200);
            assertThat(Http.json(second).get("invoices")).as("the month again: nothing more").isEmpty();
            assertThat(TestDatabase.query("SELECT CONCAT(COUNT(*), '/', MAX(invoice_id)) FROM proceed WHERE subscription_id = ?"
                    + " AND kind = 'TRIAL_COST'", subscription)).containsExactly("1/" + invoiceId);
            assertThat(TestDatabase.query("SELECT COUNT(*) FROM invoice_line l JOIN proceed p ON p.id = l.proceed_id"
                    + " WHERE p.subscription_id = ? AND p.kind = 'TRIAL_COST'", subscription)).containsExactly("1");
        } finally {
            assertThat(acme.putJson(costPath, "{\"dailyTrialCost\":0}", Http.bearer(admin)).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aPaidInvoiceIsRefundedInPartThenTheRestByCreditNotesAndNeverBeyond() {
        String customer = store.token("customer@acme.test", "demo");
        String admin = acme.token("admin@acme.test", "demo");
        String reseller = acme.token("reseller@acme.test", "demo");
        JsonNode invoice = placedInvoice(customer);
        long invoiceId = invoice.get("id").asLong();
        String path = "/api/v1/invoices/" + invoiceId + "/refund";
        JsonNode line = invoice.get("lines").get(0);
        long lineId = line.get("id").asLong();
        BigDecimal lineNet = line.get("netAmount").decimalValue();
        BigDecimal part = lineNet.compareTo(BigDecimal.valueOf(2)) > 0 ? BigDecimal.ONE : new BigDecimal("0.01");

        assertProblem(acme.postJson(path, "{\"reason\":\"goodwill\"}", Http.bearer(admin)), 409, "detail");
        pay(reseller, invoice);

        assertThat(store.postJson(path, "{\"reason\":\"goodwill\"}", Http.bearer(customer)).statusCode()).as("the customer").isEqualTo(403);
        assertThat(acme.postJson(path, "{\"reason\":\"goodwill\"}", Http.bearer(acme.token("supervisor@acme.test", "demo"))).statusCode())
                .isEqualTo(403);
        assertThat(acme.postJson(path, "{\"reason\":\"goodwill\"}", Http.bearer(acme.token("reseller2@acme.test", "demo"))).statusCode())
                .as("a channel peer").isEqualTo(404);
        assertThat(globex.postJson(path, "{\"reason\":\"goodwill\"}", Http.bearer(globex.token("admin@globex.test", "demo"))).statusCode())
                .as("another tenant's admin").isEqualTo(404);

        assertProblem(acme.postJson(path, "{}", Http.bearer(admin)), 422, "reason");
        assertProblem(acme.postJson(path, "{\"reason\":\"" + "x".repeat(501) + "\"}", Http.bearer(admin)), 422, "reason");
        assertProblem(acme.postJson(path, "{\"lines\":[],\"reason\":\"r\"}", Http.bearer(admin)), 422, "lines");
        for (String amount : List.of("0", "-1", "0.001", "1e999999999", lineNet.add(new BigDecimal("0.01")).toPlainString())) {
            assertProblem(acme.postJson(path, "{\"lines\":[{\"lineId\":" + lineId + ",\"amount\":" + amount + "}],\"reason\":\"r\"}",
                    Http.bearer(admin)), 422, "amount");
        }
        assertProblem(acme.postJson(path, "{\"lines\":[{\"lineId\":999999999,\"amount\":1}],\"reason\":\"r\"}", Http.bearer(admin)),
                422, "lineId");
        assertThat(creditNotes(invoiceId)).as("nothing written by refused refunds").isEmpty();

        HttpResponse<String> partial = acme.postJson(path, "{\"lines\":[{\"lineId\":" + lineId + ",\"amount\":" + part.toPlainString()
                + "}],\"reason\":\"one day down\"}", Http.bearer(admin));
        assertThat(partial.statusCode()).as("%s", partial.body()).isEqualTo(201);
        JsonNode first = Http.json(partial);
        assertThat(first.get("kind").asText()).isEqualTo("CREDIT_NOTE");
        assertThat(first.get("creditsInvoiceId").asLong()).isEqualTo(invoiceId);
        assertThat(first.get("number").asText()).contains("-CN-");
        assertThat(first.get("net").decimalValue()).isEqualByComparingTo(part.negate());
        assertThat(first.get("total").decimalValue()).isEqualByComparingTo(first.get("net").decimalValue().add(first.get("tax").decimalValue()));
        assertThat(first.get("issuer").get("name").asText()).as("the invoice's issuer").isEqualTo(invoice.get("issuer").get("name").asText());
        MailCatcher.awaitMails("customer@acme.test", caught -> caught.subject().contains(first.get("number").asText()), 1,
                Duration.ofSeconds(30));

        assertProblem(acme.postJson(path, "{\"lines\":[{\"lineId\":" + lineId + ",\"amount\":" + lineNet.toPlainString()
                + "}],\"reason\":\"r\"}", Http.bearer(admin)), 409, "amount");

        HttpResponse<String> rest = acme.postJson(path, "{\"reason\":\"cancelled\"}", Http.bearer(reseller));
        assertThat(rest.statusCode()).as("the issuing reseller refunds the rest: %s", rest.body()).isEqualTo(201);
        JsonNode second = Http.json(rest);
        assertThat(first.get("total").decimalValue().add(second.get("total").decimalValue()))
                .as("the refunds add up to the invoice").isEqualByComparingTo(invoice.get("total").decimalValue().negate());
        assertThat(first.get("tax").decimalValue().add(second.get("tax").decimalValue()))
                .isEqualByComparingTo(invoice.get("tax").decimalValue().negate());
        assertProblem(acme.postJson(path, "{\"reason\":\"again\"}", Http.bearer(admin)), 409, "detail");

        assertThat(creditNotes(invoiceId)).hasSize(2);
        assertThat(TestDatabase.query("SELECT CONCAT(o.type, '/', o.status) FROM purchase_order o JOIN invoice c"
                + " ON c.order_id = o.id WHERE c.credits_invoice_id = ? ORDER BY c.id", invoiceId)).containsExactly("REFUND/PAID", "REFUND/PAID");
        List<String> seen = new ArrayList<>();
        Http.json(store.get("/api/v1/invoices?kind=CREDIT_NOTE&limit=100", Http.bearer(customer))).get("items")
                .forEach(item -> seen.add(item.get("number").asText()));
        assertThat(seen).as("the customer's credit notes").contains(first.get("number").asText(), second.get("number").asText());
        try (Browser page = new Browser()) {
            signIn(page, "admin@acme.test");
            page.open(ACME_HOST, "/backoffice/invoices.xhtml");
            assertThat(page.find("tr[data-invoice='" + first.get("id").asLong() + "'] .invoice-credits").getText())
                    .contains(invoice.get("number").asText());
            assertThat(page.find("tr[data-invoice='" + invoiceId + "'] .invoice-credited-by").getText())
                    .contains(first.get("number").asText()).contains(second.get("number").asText());
            page.screenshot("refund-credit-notes");
        }
    }

    @Test
    void ofTwoParallelRefundsOfTheWholeInvoiceOneWinsAndTheOtherIsAConflict() throws Exception {
        String customer = store.token("customer@acme.test", "demo");
        String admin = acme.token("admin@acme.test", "demo");
        JsonNode invoice = placedInvoice(customer);
        pay(acme.token("reseller@acme.test", "demo"), invoice);
        long invoiceId = invoice.get("id").asLong();
        int parallel = 4;
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < parallel; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return acme.postJson("/api/v1/invoices/" + invoiceId + "/refund", "{\"reason\":\"all of it\"}", Http.bearer(admin));
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                statuses.add(answer.get().statusCode());
            }
            assertThat(statuses).as("one credit note, the others find nothing left").containsExactlyInAnyOrder(201, 409, 409, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(creditNotes(invoiceId)).hasSize(1);
        assertThat(TestDatabase.query("SELECT total FROM invoice WHERE credits_invoice_id = ?", invoiceId).stream().map(BigDecimal::new)
                .toList()).singleElement().satisfies(total -> assertThat(total).isEqualByComparingTo(invoice.get("total").decimalValue().negate()));
    }

    // --- helpers ---

    /** A first invoice of Rossi's new Nimbus Mail Basic at Bright IT's store (no approval). */
    private JsonNode placedInvoice(String customer) {
        HttpResponse<String> placed = store.postJson("/api/v1/orders", "{\"planId\":" + plan(Http.json(store.get("/api/v1/catalog/nimbus-mail")),
                "Basic") + ",\"duration\":1,\"paymentMethod\":\"BANK_TRANSFER\"}", Http.bearer(customer));
        assertThat(placed.statusCode()).as("%s", placed.body()).isEqualTo(201);
        long invoiceId = Http.json(placed).get("invoiceId").asLong();
        return Http.json(store.get("/api/v1/invoices/" + invoiceId, Http.bearer(customer)));
    }

    private void pay(String token, JsonNode invoice) {
        HttpResponse<String> paid = acme.postJson("/api/v1/invoices/" + invoice.get("id").asLong() + "/payments", "{\"reference\":\"REFUND-IT-"
                + invoice.get("id").asLong() + "\",\"date\":\"" + LocalDate.now(ACME_ZONE) + "\",\"amount\":"
                + invoice.get("total").decimalValue().toPlainString() + "}", Http.bearer(token));
        assertThat(paid.statusCode()).as("%s", paid.body()).isEqualTo(200);
    }

    private static void signIn(Browser browser, String email) {
        browser.open(ACME_HOST, "/login.xhtml");
        browser.type("#login\\:email", email);
        browser.type("#login\\:password", "demo");
        browser.clickAndWait("#login\\:submit");
        assertThat(browser.currentPath()).as("signed in as %s", email).doesNotEndWith("/login.xhtml");
    }

    private static List<String> creditNotes(long invoiceId) {
        return TestDatabase.query("SELECT number FROM invoice WHERE credits_invoice_id = ? AND kind = 'CREDIT_NOTE'", invoiceId);
    }

    private static long plan(JsonNode product, String name) {
        for (JsonNode plan : product.get("plans")) {
            if (plan.get("name").asText().equals(name)) {
                return plan.get("id").asLong();
            }
        }
        throw new AssertionError("No plan " + name + ": " + product);
    }

    private static JsonNode plan(JsonNode product, long id) {
        for (JsonNode plan : product.get("plans")) {
            if (plan.get("id").asLong() == id) {
                return plan;
            }
        }
        throw new AssertionError("No plan " + id + ": " + product);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as("%s", response.body()).isEqualTo(status);
        assertThat(response.body()).contains("\"" + field + "\"");
    }
}
