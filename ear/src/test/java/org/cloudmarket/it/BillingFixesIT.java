package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Review 11's billing items through the API and the database: the self-billed path of a vendor's plan (a PRO_FORMA of its
 * own series the vendor sees, declares once, and whose owed fee is recorded) and of a reseller's self-billed sell-out
 * list; a bundle whose first invoice expires expires every component; racing payments, declarations and the expiry
 * check; and the database's keys: a period billed once whatever order asks, invoice numbers unique per issuer.
 */
class BillingFixesIT extends EarIT {

    private static final ZoneId ACME_ZONE = ZoneId.of("Europe/Rome");
    private final Http acme = Http.host("acme.localhost");
    private final Http store = Http.host("reseller.acme.localhost");

    // --- #9: a vendor's self-billed plan ---

    @Test
    void aSelfBilledPlansOrderIsAProFormaItsVendorSeesAndDeclaresPaidOnce() throws Exception {
        String orbit = acme.token("vendor2@acme.test", "demo");
        String nimbus = acme.token("vendor@acme.test", "demo");
        long plan = newPublishedPlan(orbit, "Self-billed", true);
        Buyer buyer = customer("admin@acme.test", acme);

        JsonNode order = placed(acme, buyer, "{\"planId\":" + plan + ",\"duration\":1,\"paymentMethod\":\"BANK_TRANSFER\"}");
        long invoiceId = order.get("invoiceId").asLong();
        long subscriptionId = order.get("subscriptionId").asLong();

        JsonNode proForma = Http.json(acme.get("/api/v1/invoices/" + invoiceId, Http.bearer(orbit)));
        assertThat(proForma.get("kind").asText()).isEqualTo("PRO_FORMA");
        assertThat(proForma.get("number").asText()).as("its own series").contains("-PF-");
        assertThat(proForma.get("customer").hasNonNull("vatNumber")).as("a vendor reads no buyer's billing details").isFalse();
        assertThat(proForma.get("customer").hasNonNull("name")).isTrue();
        assertThat(proForma.get("issuer").hasNonNull("iban")).isFalse();
        assertThat(Http.json(acme.get("/api/v1/invoices/" + invoiceId, Http.bearer(acme.token("admin@acme.test", "demo"))))
                .get("customer").hasNonNull("vatNumber")).as("the tenant's staff do").isTrue();
        assertThat(ids(acme.get("/api/v1/invoices?kind=PRO_FORMA&status=UNPAID&limit=100", Http.bearer(orbit))))
                .as("the vendor's pro-formas to declare").contains(invoiceId);
        assertThat(ids(acme.get("/api/v1/invoices?limit=100", Http.bearer(orbit)))).contains(invoiceId);
        assertThat(acme.get("/api/v1/invoices/" + invoiceId, Http.bearer(nimbus)).statusCode()).as("another vendor").isEqualTo(404);
        Http globex = Http.host("globex.localhost");
        String globexAdmin = globex.token("admin@globex.test", "demo");
        // declaring is a vendor's or a reseller's (an admin gets 403 whatever the id): globex's vendor finds no such invoice
        assertThat(globex.post("/api/v1/invoices/" + invoiceId + "/declarations", Http.bearer(globex.token("vendor@globex.test", "demo")))
                .statusCode()).as("another tenant's vendor declares").isEqualTo(404);
        assertThat(globex.postJson("/api/v1/invoices/" + invoiceId + "/payments", "{\"reference\":\"X\",\"date\":\""
                + java.time.LocalDate.now() + "\",\"amount\":1}", Http.bearer(globexAdmin)).statusCode()).as("another tenant pays").isEqualTo(404);
        // the PDF prints the buyer's billing details and the issuer's account: its customer, issuer and staff only
        assertThat(acme.get("/api/v1/invoices/" + invoiceId + "/pdf", Http.bearer(orbit)).statusCode()).as("the vendor's PDF").isEqualTo(404);
        assertThat(acme.get("/api/v1/invoices/" + invoiceId + "/pdf", Http.bearer(acme.token("admin@acme.test", "demo"))).statusCode())
                .isEqualTo(200);
        assertThat(ids(acme.get("/api/v1/invoices?kind=PRO_FORMA&limit=100", Http.bearer(nimbus)))).doesNotContain(invoiceId);
        assertThat(acme.post("/api/v1/invoices/" + invoiceId + "/declarations", Http.bearer(nimbus)).statusCode())
                .as("another vendor declares").isEqualTo(404);
        assertThat(status(subscriptionId)).isEqualTo("WAITING_PAYMENT");

        // two declarations at once: one wins, the other is a 409, one fee owed
        List<HttpResponse<String>> answers = race(2, () -> acme.post("/api/v1/invoices/" + invoiceId + "/declarations", Http.bearer(orbit)));
        assertThat(answers).extracting(HttpResponse::statusCode).as("%s", answers.stream().map(HttpResponse::body).toList())
                .containsExactlyInAnyOrder(200, 409);
        assertThat(acme.post("/api/v1/invoices/" + invoiceId + "/declarations", Http.bearer(orbit)).statusCode())
                .as("a later declaration").isEqualTo(409);
        assertThat(status(subscriptionId)).isEqualTo("DEPLOYED");
        assertThat(TestDatabase.query("SELECT o.name FROM owed_fee f JOIN organization o ON o.id = f.debtor_id WHERE f.invoice_id = ?",
                invoiceId)).containsExactly("Orbit Labs");
        assertThat(Http.json(acme.get("/api/v1/invoices/" + invoiceId, Http.bearer(orbit))).get("status").asText()).isEqualTo("PAID");
        assertThat(ids(acme.get("/api/v1/invoices?kind=PRO_FORMA&status=UNPAID&limit=100", Http.bearer(orbit))))
                .as("nothing left to declare").doesNotContain(invoiceId);
    }

    // --- #8: a reseller's self-billed sell-out list ---

    @Test
    void aResellersSelfBilledSellOutListMakesItsSalesProFormasTheResellerDeclares() {
        String cloudy = acme.token("reseller2@acme.test", "demo");
        long plan = newPublishedPlan(acme.token("vendor@acme.test", "demo"), "Cloudy self-billed", false);
        Buyer buyer = customer("reseller2@acme.test", Http.host("cloudy.acme.localhost"));
        long list = Long.parseLong(TestDatabase.query("SELECT l.id FROM price_list l JOIN organization o ON o.id = l.owner_id"
                + " WHERE o.name = 'Cloudy Partners' AND l.storefront_default").get(0));
        JsonNode before = Http.json(acme.get("/api/v1/price-lists/" + list, Http.bearer(cloudy)));
        assertThat(before.get("selfBilled").asBoolean()).isFalse();
        try {
            HttpResponse<String> flagged = acme.putJson("/api/v1/price-lists/" + list, listBody(before, true), Http.bearer(cloudy));
            assertThat(flagged.statusCode()).as("%s", flagged.body()).isEqualTo(200);
            assertThat(Http.json(flagged).get("selfBilled").asBoolean()).isTrue();

            HttpResponse<String> pushed = acme.postJson("/api/v1/orders", "{\"planId\":" + plan + ",\"duration\":1,\"customerId\":"
                    + buyer.id() + "}", Http.bearer(cloudy));
            assertThat(pushed.statusCode()).as("%s", pushed.body()).isEqualTo(201);
            long invoiceId = Http.json(pushed).get("invoiceId").asLong();
            JsonNode proForma = Http.json(acme.get("/api/v1/invoices/" + invoiceId, Http.bearer(cloudy)));
            assertThat(proForma.get("kind").asText()).as("a sale at a self-billed list").isEqualTo("PRO_FORMA");
            assertThat(proForma.get("number").asText()).contains("-PF-");

            HttpResponse<String> declared = acme.post("/api/v1/invoices/" + invoiceId + "/declarations", Http.bearer(cloudy));
            assertThat(declared.statusCode()).as("%s", declared.body()).isEqualTo(200);
            assertThat(status(Http.json(pushed).get("subscriptionId").asLong())).isEqualTo("DEPLOYED");
            assertThat(TestDatabase.query("SELECT o.name FROM owed_fee f JOIN organization o ON o.id = f.debtor_id WHERE f.invoice_id = ?",
                    invoiceId)).containsExactly("Cloudy Partners");
        } finally {
            HttpResponse<String> restored = acme.putJson("/api/v1/price-lists/" + list, listBody(before, false), Http.bearer(cloudy));
            assertThat(restored.statusCode()).as("%s", restored.body()).isEqualTo(200);
        }
    }

    @Test
    void onlyASellOutListCanBeSelfBilled() {
        String admin = acme.token("admin@acme.test", "demo");
        HttpResponse<String> created = acme.postJson("/api/v1/price-lists", "{\"name\":\"Wholesale " + Unique.suffix()
                + "\",\"selfBilled\":true}", Http.bearer(admin));
        assertThat(created.statusCode()).as("%s", created.body()).isEqualTo(422);
        assertThat(created.body()).contains("\"selfBilled\"");
    }

    // --- #3: a bundle expires whole ---

    @Test
    void aBundlesFirstInvoiceUnpaidPastItsWindowExpiresEveryComponent() {
        long suite = planId(Http.json(acme.get("/api/v1/catalog/nimbus-suite")), "Business suite");
        Buyer buyer = customer("admin@acme.test", acme);
        HttpResponse<String> placed = acme.postJson("/api/v1/orders", "{\"planId\":" + suite
                + ",\"duration\":1,\"paymentMethod\":\"BANK_TRANSFER\"}", Http.bearer(buyer.token()));
        assertThat(placed.statusCode()).as("%s", placed.body()).isEqualTo(201);
        long first = Http.json(placed).get("id").asLong();
        // its Mail Pro needs approval: the tenant's ADMIN is always an auditor
        HttpResponse<String> approved = acme.post("/api/v1/orders/" + first + "/approve", Http.bearer(acme.token("admin@acme.test", "demo")));
        assertThat(approved.statusCode()).as("%s", approved.body()).isEqualTo(200);
        long invoiceId = Http.json(approved).get("invoiceId").asLong();
        assertThat(invoiceId).isPositive();
        assertThat(TestDatabase.query("SELECT deployment_status FROM subscription WHERE customer_id = ? ORDER BY id", buyer.id()))
                .containsExactly("WAITING_PAYMENT", "WAITING_PAYMENT");

        TestDatabase.update("UPDATE invoice SET issued_at = issued_at - INTERVAL 4 DAY, due_at = due_at - INTERVAL 4 DAY WHERE id = ?",
                invoiceId);

        Eventually.find("the credit note of bundle invoice " + invoiceId, Duration.ofSeconds(30), () ->
                TestDatabase.query("SELECT id FROM invoice WHERE credits_invoice_id = ?", invoiceId).stream().findFirst());
        assertThat(TestDatabase.query("SELECT CONCAT(IFNULL(bundle_order_id, 0), '/', deployment_status) FROM subscription"
                + " WHERE customer_id = ? ORDER BY id", buyer.id())).as("every component of bundle order " + first)
                .containsExactly(first + "/PAYMENT_EXPIRED", first + "/PAYMENT_EXPIRED");
    }

    // --- 2.4: races on one invoice ---

    @Test
    void twoBankTransfersOfOneInvoiceAtOnceRecordOnePayment() throws Exception {
        Unpaid unpaid = unpaidMailBasic();
        long invoiceId = unpaid.invoiceId();
        String total = unpaid.total();
        String reseller = acme.token("reseller@acme.test", "demo");

        List<HttpResponse<String>> answers = race(2, () -> pay(reseller, invoiceId, "RACE-" + UUID.randomUUID(), total));

        assertThat(answers).extracting(HttpResponse::statusCode).as("%s", answers.stream().map(HttpResponse::body).toList())
                .containsExactlyInAnyOrder(200, 409);
        assertThat(TestDatabase.query("SELECT COUNT(*) FROM payment WHERE invoice_id = ?", invoiceId)).containsExactly("1");
        assertThat(status(unpaid.subscriptionId())).isEqualTo("DEPLOYED");
    }

    /** The expiry check (every 2 s on the ITs' server) and a payment race for one invoice: it is paid or cancelled, never both. */
    @Test
    void aPaymentRacingTheExpiryCheckEitherPaysOrCancelsNeverBoth() {
        Unpaid unpaid = unpaidMailBasic();
        long invoiceId = unpaid.invoiceId();
        String total = unpaid.total();
        String reseller = acme.token("reseller@acme.test", "demo");

        Unpaid probe = unpaidMailBasic();
        TestDatabase.update("UPDATE invoice SET due_at = due_at - INTERVAL 4 DAY WHERE id = ?", invoiceId);
        HttpResponse<String> paid = pay(reseller, invoiceId, "LATE-" + invoiceId, total);
        // a round of the check that starts after the payment cancels the probe, expired only now: once it has,
        // the raced invoice has been seen by a later round too, so a paid invoice that stayed paid stays paid
        TestDatabase.update("UPDATE invoice SET due_at = due_at - INTERVAL 4 DAY WHERE id = ?", probe.invoiceId());
        Eventually.holds("a later round of the expiry check", Duration.ofSeconds(30),
                () -> TestDatabase.query("SELECT status FROM invoice WHERE id = ?", probe.invoiceId()).equals(List.of("CANCELLED")));

        String invoiceStatus = TestDatabase.query("SELECT status FROM invoice WHERE id = ?", invoiceId).get(0);
        List<String> creditNotes = TestDatabase.query("SELECT id FROM invoice WHERE credits_invoice_id = ?", invoiceId);
        List<String> payments = TestDatabase.query("SELECT id FROM payment WHERE invoice_id = ?", invoiceId);
        String subscription = status(unpaid.subscriptionId());
        if (paid.statusCode() == 200) {
            assertThat(invoiceStatus).isEqualTo("PAID");
            assertThat(creditNotes).as("a paid invoice is never cancelled").isEmpty();
            assertThat(payments).hasSize(1);
            assertThat(subscription).isEqualTo("DEPLOYED");
        } else {
            assertThat(paid.statusCode()).as("%s", paid.body()).isEqualTo(409);
            assertThat(invoiceStatus).isEqualTo("CANCELLED");
            assertThat(creditNotes).hasSize(1);
            assertThat(payments).as("a cancelled invoice records no payment").isEmpty();
            assertThat(subscription).isEqualTo("PAYMENT_EXPIRED");
        }
    }

    // --- the database's keys ---

    /** 2.3: a period's license is written once whatever order asks; a proration half stays keyed by its order. */
    @Test
    void aPeriodsLicenseIsUniqueWhateverTheOrderWhileAProrationIsPerOrder() {
        String customer = store.token("customer@acme.test", "demo");
        JsonNode order = placed(store, new Buyer(0, "customer@acme.test", customer), mailBasicOrder());
        long subscriptionId = order.get("subscriptionId").asLong();
        long orderId = order.get("id").asLong();
        String otherOrder = TestDatabase.query("SELECT MAX(id) FROM purchase_order WHERE tenant_id = (SELECT tenant_id FROM"
                + " purchase_order WHERE id = ?) AND id <> ?", orderId, orderId).get(0);
        String columns = String.join(", ", TestDatabase.query("SELECT column_name FROM information_schema.columns WHERE table_schema ="
                + " DATABASE() AND table_name = 'proceed' AND column_name NOT IN ('id', 'order_id', 'invoice_id', 'kind')"
                + " AND extra NOT LIKE '%GENERATED%' ORDER BY ordinal_position"));
        String copy = "INSERT INTO proceed (" + columns + ", order_id, kind) SELECT " + columns + ", ?, ? FROM proceed"
                + " WHERE subscription_id = ? AND kind = 'LICENSE'";

        try {
            assertThatThrownBy(() -> TestDatabase.update(copy, otherOrder, "LICENSE", subscriptionId))
                    .as("the period's license again, under another order").rootCause().hasMessageContaining("uk_proceed_period");
            assertThat(TestDatabase.update(copy, otherOrder, "PRORATION_DEBIT", subscriptionId)).as("a proration of another order")
                    .isEqualTo(1);
        } finally {
            TestDatabase.update("DELETE FROM proceed WHERE subscription_id = ? AND order_id = ?", subscriptionId, otherOrder);
        }
    }

    /** #10: two issuers may read alike (a reseller's prefix "ACME" and the tenant's): a number is unique per issuer only. */
    @Test
    void anInvoiceNumberIsUniquePerIssuerNotPerTenant() {
        String customer = store.token("customer@acme.test", "demo");
        long invoiceId = placed(store, new Buyer(0, "customer@acme.test", customer), mailBasicOrder()).get("invoiceId").asLong();
        String columns = String.join(", ", TestDatabase.query("SELECT column_name FROM information_schema.columns WHERE table_schema ="
                + " DATABASE() AND table_name = 'invoice' AND column_name NOT IN ('id', 'issuer_key', 'counter')"
                + " AND extra NOT LIKE '%GENERATED%' ORDER BY ordinal_position"));
        String copy = "INSERT INTO invoice (" + columns + ", issuer_key, counter) SELECT " + columns + ", ?, counter + 1000000 FROM invoice"
                + " WHERE id = ?";
        long strangerKey = 990_000_000L + invoiceId;
        try {
            assertThat(TestDatabase.update(copy, strangerKey, invoiceId)).as("the same number from another issuer").isEqualTo(1);
            String issuerKey = TestDatabase.query("SELECT issuer_key FROM invoice WHERE id = ?", invoiceId).get(0);
            assertThatThrownBy(() -> TestDatabase.update(copy, issuerKey, invoiceId)).as("the same number from the same issuer")
                    .isInstanceOf(IllegalStateException.class);
        } finally {
            TestDatabase.update("DELETE FROM invoice WHERE issuer_key = ?", strangerKey);
        }
    }

    // --- helpers ---

    /** Rossi's order of Nimbus Mail Basic at Bright IT's store, its first invoice unpaid. */
    private record Unpaid(long invoiceId, long subscriptionId, String total) {
    }

    private Unpaid unpaidMailBasic() {
        String customer = store.token("customer@acme.test", "demo");
        JsonNode order = placed(store, new Buyer(0, "customer@acme.test", customer), mailBasicOrder());
        long invoiceId = order.get("invoiceId").asLong();
        String total = Http.json(store.get("/api/v1/invoices/" + invoiceId, Http.bearer(customer))).get("total").decimalValue().toPlainString();
        return new Unpaid(invoiceId, order.get("subscriptionId").asLong(), total);
    }

    private String mailBasicOrder() {
        return "{\"planId\":" + planId(Http.json(store.get("/api/v1/catalog/nimbus-mail")), "Basic")
                + ",\"duration\":1,\"paymentMethod\":\"BANK_TRANSFER\"}";
    }

    private HttpResponse<String> pay(String token, long invoiceId, String reference, String amount) {
        return acme.postJson("/api/v1/invoices/" + invoiceId + "/payments", "{\"reference\":\"" + reference + "\",\"date\":\""
                + LocalDate.now(ACME_ZONE) + "\",\"amount\":" + amount + "}", Http.bearer(token));
    }

    private static String listBody(JsonNode list, boolean selfBilled) {
        JsonNode markup = list.get("defaultMarkup");
        return "{\"name\":\"" + list.get("name").asText() + "\"" + (markup == null || markup.isNull() ? "" : ",\"defaultMarkup\":"
                + markup.decimalValue().toPlainString()) + ",\"selfBilled\":" + selfBilled + "}";
    }

    private static <T> List<T> race(int parties, Callable<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parties);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < parties; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return work.call();
                }));
            }
            start.countDown();
            List<T> answers = new ArrayList<>();
            for (Future<T> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static JsonNode placed(Http host, Buyer buyer, String body) {
        HttpResponse<String> placed = host.postJson("/api/v1/orders", body, Http.bearer(buyer.token()));
        assertThat(placed.statusCode()).as("%s", placed.body()).isEqualTo(201);
        JsonNode order = Http.json(placed);
        assertThat(order.get("invoiceId").isNull()).as("invoiced at once: %s", placed.body()).isFalse();
        return order;
    }

    private static Buyer customer(String seller, Http store) {
        return Buyer.newCustomer(seller, store, "Fatture");
    }

    /** A new published plan of the vendor (a product of its own), maybe self-billed. */
    private long newPublishedPlan(String vendor, String name, boolean selfBilled) {
        String admin = acme.token("admin@acme.test", "demo");
        HttpResponse<String> created = acme.postJson("/api/v1/products", "{\"name\":\"Billing " + name + " "
                + UUID.randomUUID().toString().substring(0, 8) + "\",\"summary\":\"A billing test product\",\"tags\":[\"test\"]}",
                Http.bearer(vendor));
        assertThat(created.statusCode()).as("%s", created.body()).isEqualTo(201);
        long product = Http.json(created).get("id").asLong();
        HttpResponse<String> plan = acme.postJson("/api/v1/products/" + product + "/plans", "{\"name\":\"Standard\",\"licensePrice\":10.00,"
                + "\"billingFrequency\":1,\"billingUnit\":\"MONTHS\",\"selfBilled\":" + selfBilled + "}", Http.bearer(vendor));
        assertThat(plan.statusCode()).as("%s", plan.body()).isEqualTo(201);
        long planId = Http.json(plan).get("plans").get(0).get("id").asLong();
        assertThat(acme.post("/api/v1/products/" + product + "/submit", Http.bearer(vendor)).statusCode()).isEqualTo(200);
        assertThat(acme.postJson("/api/v1/products/" + product + "/approve", "{\"reason\":\"Test\"}", Http.bearer(admin)).statusCode())
                .isEqualTo(200);
        assertThat(acme.post("/api/v1/products/" + product + "/publish", Http.bearer(vendor)).statusCode()).isEqualTo(200);
        return planId;
    }

    private static long planId(JsonNode product, String name) {
        for (JsonNode plan : product.get("plans")) {
            if (plan.get("name").asText().equals(name)) {
                return plan.get("id").asLong();
            }
        }
        throw new AssertionError(product.get("name") + " has no plan " + name);
    }

    private static String status(long subscriptionId) {
        return TestDatabase.query("SELECT deployment_status FROM subscription WHERE id = ?", subscriptionId).get(0);
    }

    private static List<Long> ids(HttpResponse<String> page) {
        assertThat(page.statusCode()).as("%s", page.body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        Http.json(page).get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }
}
