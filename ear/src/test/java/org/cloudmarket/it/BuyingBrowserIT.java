package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 11's walk, in a real headless Chromium on Cloudy's white-label storefront, with the demo's
 * Cloudy customer (cloudy-customer@acme.test): it buys Nimbus Mail Pro for a year with 3 units of
 * mailbox storage and Cloudy's coupon CLOUDY-MAIL15 at Cloudy's price (the checkout shows what
 * POST /quotes answers for the same body); the order waits for approval; Cloudy's reseller approves
 * it from its queue; the customer sees the first invoice (number, 19% German VAT, a net equal to the
 * quote of the first billing period) and its PDF; the admin marks the bank transfer paid; the
 * customer's dashboard shows the subscription DEPLOYED. Each run places a fresh order, so it repeats
 * on one database. Screenshots under target/screenshots (buying-*).
 */
class BuyingBrowserIT extends EarIT {

    private static final String SHOP = "cloudy.acme.localhost";
    private static final String BACKOFFICE = "acme.localhost";
    private static final String CUSTOMER = "cloudy-customer@acme.test";
    private static final String COUPON = "CLOUDY-MAIL15";
    /** Cloudy's IBAN (DemoBillingDetails): the bank transfer goes there, since Cloudy issues the invoice. */
    private static final String CLOUDY_IBAN = "DE89370400440532013000";

    @Test
    void aCloudyCustomerBuysMailProWithStorageAndACouponTheResellerApprovesTheAdminRecordsThePaymentAndItIsDeployed()
            throws Exception {
        Http shop = Http.host(SHOP);
        Http acme = Http.host(BACKOFFICE);
        String token = shop.token(CUSTOMER, "demo");
        long plan = mailPro(shop);
        String body = "{\"planId\":" + plan + ",\"duration\":%d,\"extraResources\":{\"storage\":3},\"couponCode\":\"" + COUPON + "\"}";
        // Cloudy's prices: license 8.00 x 0.75 x 1.12 x 1.5 = 10.08, setup 25.20, storage 1.89 a unit
        JsonNode quote = quote(shop, token, body.formatted(12));
        // 12 x 10.08 + 25.20 + 12 x 3 x 1.89 = 214.20, less 15% (32.13)
        assertThat(quote.get("total").decimalValue()).isEqualByComparingTo("182.07");
        JsonNode firstPeriod = quote(shop, token, body.formatted(1));
        // 10.08 + 25.20 + 3 x 1.89 = 40.95, less 15% (6.1425, rounded once to 6.14)
        assertThat(firstPeriod.get("total").decimalValue()).isEqualByComparingTo("34.81");

        long orderId;
        try (Browser customer = new Browser()) {
            signIn(customer, SHOP, CUSTOMER);
            customer.open(SHOP, "/checkout.xhtml?plan=" + plan);
            assertThat(customer.find("#checkout-title").getText()).contains("Nimbus Mail Pro");
            customer.select("#checkout\\:duration", "12");
            customer.retype("#checkout\\:extra-storage", "3");
            customer.type("#checkout\\:coupon", COUPON);
            customer.find("#checkout\\:acceptTerms").click(); // leaving the coupon field fires its change: the quote follows
            customer.waitFor(() -> new BigDecimal(customer.find("#quote-total").getAttribute("data-amount"))
                    .compareTo(quote.get("total").decimalValue()) == 0);
            assertThat(customer.find("#checkout\\:quote").getText()).contains("Mailbox storage");
            assertThat(customer.find("#checkout\\:acceptTerms").isSelected()).isTrue();
            customer.screenshot("buying-checkout");

            customer.clickAndWait("#checkout\\:submit");
            assertThat(customer.currentPath()).isEqualTo("/order.xhtml");
            orderId = Long.parseLong(customer.currentUrl().replaceAll(".*[?&]id=(\\d+).*", "$1"));
            assertThat(customer.find("#order-status").getAttribute("data-status")).isEqualTo("REQUIRES_APPROVAL");
            assertThat(customer.has("#order-waiting")).isTrue();
            assertThat(new BigDecimal(customer.find("#order-total").getAttribute("data-amount"))).isEqualByComparingTo("182.07");
            assertThat(Http.json(shop.get("/api/v1/orders/" + orderId, Http.bearer(token))).get("invoiceId").isNull())
                    .as("no invoice before the approval").isTrue();
            customer.screenshot("buying-order-waiting");

            try (Browser reseller = new Browser()) {
                signIn(reseller, BACKOFFICE, "reseller2@acme.test");
                reseller.open(BACKOFFICE, "/backoffice/orders.xhtml");
                assertThat(reseller.has("#approve-" + orderId)).as("in Cloudy's approval queue").isTrue();
                reseller.screenshot("buying-approval-queue");
                reseller.clickAndWait("#approve-" + orderId);
                assertThat(reseller.has("#approve-" + orderId)).as("decided: out of the queue").isFalse();
            }

            JsonNode order = Http.json(shop.get("/api/v1/orders/" + orderId, Http.bearer(token)));
            assertThat(order.get("invoiceId").isNull()).as("%s", order).isFalse();
            long invoiceId = order.get("invoiceId").asLong();
            long subscriptionId = order.get("subscriptionId").asLong();
            JsonNode invoice = Http.json(shop.get("/api/v1/invoices/" + invoiceId, Http.bearer(token)));
            String number = invoice.get("number").asText();
            assertThat(number).startsWith("CLOUDY");
            assertThat(invoice.get("issuer").get("iban").asText()).isEqualTo(CLOUDY_IBAN);
            // the first invoice bills the first period: the quote of one billing period (Mail Pro is billed monthly)
            assertThat(invoice.get("net").decimalValue()).isEqualByComparingTo(firstPeriod.get("total").decimalValue())
                    .isEqualByComparingTo("34.81");
            // a German company buying from a German reseller: Germany's 19% on the net, 6.6139 rounded once
            assertThat(invoice.get("tax").decimalValue()).isEqualByComparingTo("6.61");
            assertThat(invoice.get("total").decimalValue()).isEqualByComparingTo("41.42");

            customer.open(SHOP, "/order.xhtml?id=" + orderId);
            assertThat(customer.find("#order-invoice").getText()).contains(number).contains(CLOUDY_IBAN);
            customer.screenshot("buying-order-invoiced");

            customer.open(SHOP, "/account/invoices.xhtml");
            WebElement row = rowWith(customer.find("#invoices"), number);
            assertThat(new BigDecimal(row.findElement(By.cssSelector(".invoice-net")).getAttribute("data-amount")))
                    .isEqualByComparingTo("34.81");
            assertThat(new BigDecimal(row.findElement(By.cssSelector(".invoice-tax")).getAttribute("data-amount")))
                    .isEqualByComparingTo("6.61");
            assertThat(new BigDecimal(row.findElement(By.cssSelector(".invoice-total")).getAttribute("data-amount")))
                    .isEqualByComparingTo("41.42");
            assertThat(row.findElement(By.cssSelector(".invoice-status")).getAttribute("data-status")).isEqualTo("UNPAID");
            String pdfLink = row.findElement(By.cssSelector("a.invoice-pdf")).getAttribute("href");
            customer.screenshot("buying-invoices");
            URI pdfUri = URI.create(pdfLink);
            HttpResponse<byte[]> pdf = shop.getBytes(pdfUri.getRawPath() + "?" + pdfUri.getRawQuery(),
                    "Cookie", "JSESSIONID=" + customer.cookie("JSESSIONID"));
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(pdf.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/pdf"));
            assertThat(pdfText(pdf.body())).contains(number);

            try (Browser admin = new Browser()) {
                signIn(admin, BACKOFFICE, "admin@acme.test");
                admin.open(BACKOFFICE, "/backoffice/invoices.xhtml");
                assertThat(admin.find("#invoices").getText()).contains(number);
                admin.type("#paid-reference-" + invoiceId, "Transfer to Cloudy, order " + orderId);
                admin.type("#paid-date-" + invoiceId, LocalDate.now(ZoneId.of("Europe/Rome")).toString());
                admin.type("#paid-amount-" + invoiceId, invoice.get("total").asText());
                admin.screenshot("buying-mark-paid");
                admin.clickAndWait("#mark-paid-" + invoiceId);
                assertThat(admin.has("#mark-paid-" + invoiceId)).as("paid: no slip form any more").isFalse();
            }
            assertThat(Http.json(shop.get("/api/v1/invoices/" + invoiceId, Http.bearer(token))).get("status").asText()).isEqualTo("PAID");

            customer.open(SHOP, "/account/subscriptions.xhtml");
            WebElement subscription = rowWith(customer.find("#subscriptions"), "Order " + orderId + " approved");
            assertThat(subscription.findElement(By.cssSelector(".subscription-name")).getText()).isEqualTo("Nimbus Mail Pro");
            assertThat(subscription.findElement(By.cssSelector(".deployment-status")).getText()).isEqualTo("DEPLOYED");
            assertThat(Http.json(shop.get("/api/v1/subscriptions/" + subscriptionId, Http.bearer(token))).get("deploymentStatus").asText())
                    .isEqualTo("DEPLOYED");
            customer.screenshot("buying-deployed");
        }
    }

    private static JsonNode quote(Http shop, String token, String body) {
        HttpResponse<String> quoted = shop.postJson("/api/v1/quotes", body, Http.bearer(token));
        assertThat(quoted.statusCode()).as("%s", quoted.body()).isEqualTo(200);
        return Http.json(quoted);
    }

    private static long mailPro(Http shop) {
        JsonNode product = Http.json(shop.get("/api/v1/catalog/nimbus-mail"));
        for (JsonNode plan : product.get("plans")) {
            if (plan.get("name").asText().equals("Pro")) {
                return plan.get("id").asLong();
            }
        }
        throw new AssertionError("Nimbus Mail has no plan Pro on Cloudy's shop: " + product);
    }

    /** The table's row whose text (hidden parts such as a collapsed changelog included) contains {@code text}. */
    private static WebElement rowWith(WebElement table, String text) {
        List<WebElement> rows = table.findElements(By.cssSelector("tbody > tr"));
        return rows.stream().filter(row -> String.valueOf(row.getAttribute("textContent")).contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + text + " in " + table.getText()));
    }

    private static String pdfText(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        try {
            StringBuilder text = new StringBuilder();
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString();
        } finally {
            reader.close();
        }
    }

    private static void signIn(Browser browser, String host, String email) {
        browser.open(host, "/login.xhtml");
        browser.type("#login\\:email", email);
        browser.type("#login\\:password", "demo");
        browser.clickAndWait("#login\\:submit");
        assertThat(browser.currentPath()).as("signed in as %s", email).doesNotEndWith("/login.xhtml");
    }
}
