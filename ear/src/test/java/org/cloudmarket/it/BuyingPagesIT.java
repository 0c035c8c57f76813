package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Each buying page of issue 11 once, as the user it is for, in a real headless Chromium with real
 * data the test makes itself on acme's own storefront: a customer of the marketplace buys Nimbus
 * Drive Business with two extra seats through the checkout (signing in on the way), sees its order,
 * subscription and invoice (whose PDF the session downloads); the vendor rejects another order of
 * a plan that needs approval from its queue; the admin marks the first invoice paid; the push-order
 * and self-billing pages render. It asserts the element ids BUYING-CONTRACT names, not the whole
 * walk (the lead's). Screenshots under target/screenshots.
 */
class BuyingPagesIT extends EarIT {

    private static final String HOST = "acme.localhost";

    @Test
    void eachBuyingPageRendersTheContractsIdsWithRealData() throws Exception {
        Http acme = Http.host(HOST);
        String suffix = Unique.suffix();
        JsonNode created = newMarketplaceCustomer(acme, suffix);
        String customerEmail = created.get("users").get(0).get("email").asText();
        long approvalPlan = approvalPlan(acme);

        long orderId;
        long invoiceId;
        try (Browser customer = new Browser()) {
            // the product page's Buy leads a visitor through the sign-in back to the checkout
            customer.open(HOST, "/product.xhtml?slug=nimbus-drive");
            long drivePlan = Long.parseLong(customer.find("a.buy-plan").getAttribute("href").replaceAll(".*plan=(\\d+).*", "$1"));
            customer.clickAndWait("a.buy-plan");
            assertThat(customer.currentPath()).isEqualTo("/login.xhtml");
            customer.type("#login\\:email", customerEmail);
            customer.type("#login\\:password", "demo");
            customer.clickAndWait("#login\\:submit");
            assertThat(customer.currentPath()).isEqualTo("/checkout.xhtml");

            for (String id : new String[] {"duration", "extra-seats", "coupon", "paymentMethod", "acceptTerms", "quote", "submit"}) {
                assertThat(customer.has("#checkout\\:" + id)).as("checkout:%s", id).isTrue();
            }
            assertThat(customer.find("#checkout\\:paymentMethod").getAttribute("value")).isEqualTo("BANK_TRANSFER");
            String before = customer.find("#quote-total").getAttribute("data-amount");
            customer.retype("#checkout\\:extra-seats", "2");
            customer.find("#checkout\\:coupon").click(); // leaving the field fires its change: the quote follows
            // the quote is re-rendered by each change (the seats, then the blur): read it in the wait, never after it
            String[] quote = new String[1];
            customer.waitFor(() -> {
                quote[0] = customer.find("#quote-total").getAttribute("data-amount");
                return new BigDecimal(quote[0]).compareTo(new BigDecimal(before)) > 0;
            });
            String quoted = quote[0];
            customer.screenshot("buying-checkout");

            customer.clickAndWait("#checkout\\:submit"); // terms not accepted: refused next to the box, nothing placed
            assertThat(customer.currentPath()).isEqualTo("/checkout.xhtml");
            assertThat(customer.text()).contains("Accept the terms of sale");

            customer.find("#checkout\\:acceptTerms").click();
            customer.clickAndWait("#checkout\\:submit");
            assertThat(customer.currentPath()).as("%s", customer.text()).isEqualTo("/order.xhtml");
            orderId = Long.parseLong(customer.currentUrl().replaceAll(".*[?&]id=(\\d+).*", "$1"));
            assertThat(customer.find("#order-status").getText()).isNotBlank();
            assertThat(new BigDecimal(customer.find("#order-total").getAttribute("data-amount"))).isEqualByComparingTo(quoted);
            customer.screenshot("buying-order");

            String token = acme.token(customerEmail, "demo");
            JsonNode order = Http.json(acme.get("/api/v1/orders/" + orderId, Http.bearer(token)));
            assertThat(order.get("invoiceId").isNull()).as("%s", order).isFalse();
            invoiceId = order.get("invoiceId").asLong();
            String number = Http.json(acme.get("/api/v1/invoices/" + invoiceId, Http.bearer(token))).get("number").asText();
            assertThat(customer.find("#order-invoice").getText()).contains(number);

            customer.open(HOST, "/account/subscriptions.xhtml");
            assertThat(customer.find("#subscriptions").getText()).contains("Nimbus Drive Business");
            assertThat(customer.find("#subscriptions .deployment-status").getText()).isEqualTo("WAITING_PAYMENT");
            customer.screenshot("buying-subscriptions");

            customer.open(HOST, "/account/invoices.xhtml");
            assertThat(customer.find("#invoices").getText()).contains(number);
            String pdfLink = customer.find("#invoices a.invoice-pdf").getAttribute("href");
            customer.screenshot("buying-invoices");
            HttpResponse<byte[]> pdf = acme.getBytes(java.net.URI.create(pdfLink).getRawPath() + "?" + java.net.URI.create(pdfLink).getRawQuery(),
                    "Cookie", "JSESSIONID=" + customer.cookie("JSESSIONID"));
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(pdf.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/pdf"));
            assertThat(new String(pdf.body(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF");
            assertThat(acme.getBytes("/invoices/pdf?id=" + invoiceId).statusCode()).as("without a session").isEqualTo(302);

            // an order of a plan that needs approval, for the vendor's queue
            HttpResponse<String> waiting = acme.postJson("/api/v1/orders", "{\"planId\":" + approvalPlan + ",\"duration\":1}", Http.bearer(token));
            assertThat(waiting.statusCode()).as("%s", waiting.body()).isEqualTo(201);
            long waitingId = Http.json(waiting).get("id").asLong();
            assertThat(Http.json(waiting).get("status").asText()).isEqualTo("REQUIRES_APPROVAL");

            try (Browser vendor = new Browser()) {
                signIn(vendor, "vendor@acme.test");
                vendor.open(HOST, "/backoffice/orders.xhtml");
                assertThat(vendor.find("#orders").getText()).contains(String.valueOf(waitingId));
                assertThat(vendor.has("#approvals")).isTrue();
                assertThat(vendor.has("#approve-" + waitingId)).isTrue();
                vendor.type("#reason-" + waitingId, "Not for this customer");
                vendor.screenshot("buying-approvals");
                vendor.clickAndWait("#reject-" + waitingId);
                assertThat(vendor.has("#approve-" + waitingId)).as("decided: out of the queue").isFalse();
                assertThat(vendor.text()).contains(String.valueOf(waitingId));
                assertThat(Http.json(acme.get("/api/v1/orders/" + waitingId, Http.bearer(token))).get("status").asText()).isEqualTo("REJECTED");

                vendor.open(HOST, "/backoffice/self-billed.xhtml");
                assertThat(vendor.has("#selfBilled\\:proformas")).isTrue();
            }

            try (Browser admin = new Browser()) {
                signIn(admin, "admin@acme.test");
                admin.open(HOST, "/backoffice/invoices.xhtml");
                assertThat(admin.find("#invoices").getText()).contains(number);
                String total = Http.json(acme.get("/api/v1/invoices/" + invoiceId, Http.bearer(token))).get("total").asText();
                admin.type("#paid-reference-" + invoiceId, "CRO " + suffix);
                admin.type("#paid-date-" + invoiceId, LocalDate.now(ZoneOffset.UTC).toString());
                admin.type("#paid-amount-" + invoiceId, total);
                admin.screenshot("buying-mark-paid");
                admin.clickAndWait("#mark-paid-" + invoiceId);
                assertThat(admin.has("#mark-paid-" + invoiceId)).as("paid: no slip form any more").isFalse();
                assertThat(Http.json(acme.get("/api/v1/invoices/" + invoiceId, Http.bearer(token))).get("status").asText()).isEqualTo("PAID");

                admin.open(HOST, "/backoffice/push-order.xhtml");
                assertThat(admin.find("#push\\:customer").getText()).contains("Buying Pages " + suffix);
                admin.select("#push\\:customer", created.get("id").asText());
                admin.select("#push\\:plan", String.valueOf(drivePlan));
                admin.find("#push\\:duration"); // the plan's terms come by ajax
                admin.select("#push\\:duration", "2");
                admin.screenshot("buying-push-order");
                admin.clickAndWait("#push\\:submit");
                assertThat(admin.currentPath()).as("%s", admin.text()).isEqualTo("/backoffice/orders.xhtml");
                String placed = admin.find("#messages").getText().replaceAll("(?s).*?(\\d+).*", "$1");
                JsonNode push = Http.json(acme.get("/api/v1/orders/" + placed, Http.bearer(token)));
                assertThat(push.get("planId").asLong()).isEqualTo(drivePlan);
                assertThat(push.get("customerId").asLong()).isEqualTo(created.get("id").asLong());
            }

            customer.open(HOST, "/account/subscriptions.xhtml");
            String rows = customer.find("#subscriptions").getText();
            assertThat(rows).contains("Nimbus Drive Business", "REJECTED").containsAnyOf("PENDING", "DEPLOYED");
        }
    }

    private static void signIn(Browser browser, String email) {
        browser.open(HOST, "/login.xhtml");
        browser.type("#login\\:email", email);
        browser.type("#login\\:password", "demo");
        browser.clickAndWait("#login\\:submit");
        assertThat(browser.currentPath()).as("signed in as %s", email).doesNotEndWith("/login.xhtml");
    }

    /** A customer of the marketplace itself (bought from on acme's own storefront), signing in with "demo", its e-mail verified. */
    private static JsonNode newMarketplaceCustomer(Http acme, String suffix) {
        HttpResponse<String> created = acme.postJson("/api/v1/customers", """
                {"kind":"COMPANY","name":"Buying Pages %s","email":"buying-%s@customers.test","address":"Via Verdi 1",
                 "city":"Torino","postalCode":"10121","country":"IT","vatNumber":"IT01234567897","fiscalCode":"01234567897","sdiCode":"ABC1234"}"""
                .formatted(suffix, suffix), Http.bearer(acme.token("admin@acme.test", "demo")));
        assertThat(created.statusCode()).as("%s", created.body()).isEqualTo(201);
        String email = Http.json(created).get("users").get(0).get("email").asText();
        String demoHash = TestDatabase.query("SELECT password_hash FROM app_user WHERE email = 'customer@acme.test'").get(0);
        assertThat(TestDatabase.update("UPDATE app_user SET password_hash = ?, email_verified_at = '2026-01-01 00:00:00' WHERE email = ?",
                demoHash, email)).isEqualTo(1);
        return Http.json(created);
    }

    /** Nimbus's published plan that needs approval, made on the first run and found again later. */
    private static long approvalPlan(Http acme) {
        String vendor = acme.token("vendor@acme.test", "demo");
        String name = "Buying Pages Approval Check";
        for (JsonNode product : Http.json(acme.get("/api/v1/products", Http.bearer(vendor)))) {
            if (product.get("name").asText().equals(name) && product.get("status").asText().equals("PUBLISHED")) {
                return Http.json(acme.get("/api/v1/products/" + product.get("id").asLong(), Http.bearer(vendor))).get("plans").get(0)
                        .get("id").asLong();
            }
        }
        HttpResponse<String> created = acme.postJson("/api/v1/products",
                "{\"name\":\"" + name + "\",\"summary\":\"Sold only once approved\",\"tags\":[\"test\"]}", Http.bearer(vendor));
        assertThat(created.statusCode()).as("%s", created.body()).isEqualTo(201);
        long id = Http.json(created).get("id").asLong();
        HttpResponse<String> plan = acme.postJson("/api/v1/products/" + id + "/plans",
                "{\"name\":\"Audited\",\"licensePrice\":5.00,\"billingFrequency\":1,\"billingUnit\":\"MONTHS\",\"approvalRequired\":true}",
                Http.bearer(vendor));
        assertThat(plan.statusCode()).as("%s", plan.body()).isEqualTo(201);
        assertThat(acme.post("/api/v1/products/" + id + "/submit", Http.bearer(vendor)).statusCode()).isEqualTo(200);
        HttpResponse<String> approved = acme.postJson("/api/v1/products/" + id + "/approve", "{\"reason\":\"Fixture\"}",
                Http.bearer(acme.token("admin@acme.test", "demo")));
        assertThat(approved.statusCode()).as("%s", approved.body()).isEqualTo(200);
        HttpResponse<String> published = acme.post("/api/v1/products/" + id + "/publish", Http.bearer(vendor));
        assertThat(published.statusCode()).as("%s", published.body()).isEqualTo(200);
        return Http.json(plan).get("plans").get(0).get("id").asLong(); // adding a plan answers its product
    }
}
