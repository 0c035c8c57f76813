package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 9: a decimal of about a billion digits ({@code 1e999999999}, or its reciprocal) sent by a
 * client is a 422 naming the field, at once, wherever it enters: query parameters, JSON bodies,
 * page fields. Each request would otherwise build or compute the billion digits (seconds of CPU
 * and a gigabyte of memory each, with no sign-in for the catalog and quotes).
 */
@Timeout(120)
class ClientDecimalsIT extends EarIT {

    private static final String HUGE = "1e999999999";
    private static final String TINY = "1e-999999999";
    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    private final Http acme = Http.host("acme.localhost");

    @Test
    @Timeout(20)
    void theCatalogApiRefusesAnUnboundedPriceFilterWithoutASignIn() {
        assertProblem(acme.get("/api/v1/catalog?minPrice=" + HUGE), "minPrice");
        assertProblem(acme.get("/api/v1/catalog?maxPrice=" + TINY), "maxPrice");
        assertProblem(acme.get("/api/v1/catalog?vendor=" + HUGE), "vendor");
        assertProblem(acme.get("/api/v1/catalog?minPrice=1000000000000000"), "minPrice");
        assertThat(acme.get("/api/v1/catalog?minPrice=999999999999999.999999").statusCode()).isEqualTo(200);
    }

    @Test
    @Timeout(20)
    void theCatalogPageShowsAMessageForAnUnboundedPriceFilter() {
        for (String host : List.of("acme.localhost", "reseller.acme.localhost")) {
            HttpResponse<String> page = Http.host(host).get("/catalog.xhtml?minPrice=" + HUGE);

            assertThat(page.statusCode()).as(host).isEqualTo(200);
            assertThat(page.body()).as(host).contains("minPrice is a number with at most 15 digits before the point and 6 after it");
        }
    }

    @Test
    @Timeout(20)
    void aQuoteRefusesAnUnboundedUsageQuantity() {
        long plan = planId(published("nimbus-desk"), "Pay per user");

        assertProblem(acme.postJson("/api/v1/quotes", "{\"planId\":" + plan + ",\"duration\":1,\"usage\":{\"users\":{\"quantity\":"
                + HUGE + "}}}"), "usage");
        assertProblem(acme.postJson("/api/v1/quotes", "{\"planId\":" + plan + ",\"duration\":1,\"usage\":{\"users\":{\"readings\":"
                + "[{\"value\":" + TINY + ",\"hours\":24}]}}}"), "usage");
    }

    @Test
    @Timeout(30)
    void aVendorsPlanAndTierPricesAreBounded() {
        String nimbus = acme.token("vendor@acme.test", "demo");
        HttpResponse<String> created = acme.postJson("/api/v1/products", "{\"name\":\"Nimbus Bounds " + UUID.randomUUID().toString()
                .substring(0, 8) + "\",\"summary\":\"A test product\"}", Http.bearer(nimbus));
        assertThat(created.statusCode()).as("%s", created.body()).isEqualTo(201);
        String plans = "/api/v1/products/" + Http.json(created).get("id").asLong() + "/plans";

        assertProblem(acme.postJson(plans, "{\"name\":\"Huge\",\"licensePrice\":" + HUGE + "}", Http.bearer(nimbus)), "licensePrice");
        assertProblem(acme.postJson(plans, "{\"name\":\"Tiny\",\"licensePrice\":1,\"setupFee\":" + TINY + "}", Http.bearer(nimbus)),
                "setupFee");
        HttpResponse<String> plan = acme.postJson(plans, "{\"name\":\"Standard\",\"licensePrice\":1}", Http.bearer(nimbus));
        assertThat(plan.statusCode()).as("%s", plan.body()).isEqualTo(201);
        String resources = plans + "/" + Http.json(plan).get("plans").get(0).get("id").asLong() + "/extra-resources";
        assertProblem(acme.postJson(resources, "{\"code\":\"storage\",\"name\":\"Storage\",\"unit\":\"GB\",\"scheme\":\"TIERED\","
                + "\"tiers\":[{\"from\":1,\"price\":" + HUGE + "}]}", Http.bearer(nimbus)), "tiers");
    }

    @Test
    @Timeout(30)
    void couponAmountsPriceListRulesAndExchangeRatesAreBounded() {
        String admin = acme.token("admin@acme.test", "demo");
        String code = "BOUND-" + UUID.randomUUID().toString().substring(0, 8);

        assertProblem(acme.postJson("/api/v1/coupons", "{\"code\":\"" + code + "\",\"effect\":\"AMOUNT_OFF\",\"amount\":" + TINY
                + ",\"destination\":\"TOTAL\",\"validFrom\":\"2026-01-01T00:00:00Z\",\"validUntil\":\"2099-01-01T00:00:00Z\"}",
                Http.bearer(admin)), "amount");
        assertProblem(acme.postJson("/api/v1/coupons", "{\"code\":\"" + code + "\",\"effect\":\"PRICE_OVERRIDE\",\"amount\":" + HUGE
                + ",\"validFrom\":\"2026-01-01T00:00:00Z\",\"validUntil\":\"2099-01-01T00:00:00Z\"}", Http.bearer(admin)), "amount");
        assertProblem(acme.putJson("/api/v1/channel/exchange-rates/USD", "{\"rate\":" + HUGE + "}", Http.bearer(admin)), "rate");
        assertProblem(acme.putJson("/api/v1/channel/exchange-rates/USD", "{\"rate\":" + TINY + "}", Http.bearer(admin)), "rate");
        String brightUser = acme.token("reseller@acme.test", "demo");
        long list = listId(brightUser, "Bright retail");
        long mailPro = planId(published("nimbus-mail"), "Pro");
        assertProblem(acme.putJson("/api/v1/price-lists/" + list + "/entries", "{\"planId\":" + mailPro
                + ",\"component\":\"license\",\"price\":" + TINY + "}", Http.bearer(brightUser)), "price");
    }

    @Test
    @Timeout(30)
    void aPageFieldBeyondTheBoundShowsAMessageAndChangesNothing() {
        Http reseller = Http.host("acme.localhost");
        WebSessionIT.signIn(reseller, "reseller@acme.test", "demo", true);
        String page = reseller.get("/backoffice/price-lists.xhtml").body();
        Matcher viewState = VIEW_STATE.matcher(page);
        assertThat(viewState.find()).as("the price lists page carries a view state").isTrue();
        String name = "Bound " + UUID.randomUUID().toString().substring(0, 8);

        HttpResponse<String> answer = reseller.postForm("/backoffice/price-lists.xhtml", "lists=lists&lists%3AnewName="
                + name.replace(" ", "+") + "&lists%3AnewMarkup=" + HUGE + "&lists%3Acreate=&jakarta.faces.ViewState="
                + java.net.URLEncoder.encode(viewState.group(1), java.nio.charset.StandardCharsets.UTF_8));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("newMarkup is a number with at most 15 digits before the point and 6 after it");
        assertThat(acme.get("/api/v1/price-lists", Http.bearer(acme.token("reseller@acme.test", "demo"))).body()).doesNotContain(name);
    }

    @Test
    void everyStoredDecimalHoldsWhatTheBoundLetsIn() {
        // 15 integer digits (Decimals.MAX_INTEGER_DIGITS), or a column whose domain check allows fewer
        // an exchange rate is below 1,000,000 (ExchangeRate); a VAT rate a percentage (TaxPolicy); so is a platform fee (PlatformFee)
        List<String> narrower = List.of("bundle_item.discount_percent", "coupon.percent_off", "price_list.default_markup",
                "price_list_entry.markup_percent", "purchase_order.exchange_rate", "subscription.exchange_rate",
                "proceed.exchange_rate", "invoice_line.tax_rate", "invoice_tax.tax_rate", "extra_resource.platform_fee_percent");
        List<String> decimals = TestDatabase.query("""
                SELECT CONCAT(LOWER(table_name), '.', LOWER(column_name), ':', numeric_precision - numeric_scale)
                FROM information_schema.columns WHERE table_schema = DATABASE() AND data_type = 'decimal'""");

        assertThat(decimals).isNotEmpty();
        for (String column : decimals) {
            String name = column.substring(0, column.indexOf(':'));
            int integerDigits = Integer.parseInt(column.substring(column.indexOf(':') + 1));
            if (!narrower.contains(name)) {
                assertThat(integerDigits).as(name).isGreaterThanOrEqualTo(15);
            }
        }
    }

    private long listId(String token, String name) {
        for (JsonNode list : Http.json(acme.get("/api/v1/price-lists", Http.bearer(token)))) {
            if (list.get("name").asText().equals(name)) {
                return list.get("id").asLong();
            }
        }
        throw new AssertionError("No list " + name);
    }

    private JsonNode published(String slug) {
        HttpResponse<String> response = acme.get("/api/v1/catalog/" + slug);
        assertThat(response.statusCode()).as("%s", response.body()).isEqualTo(200);
        return Http.json(response);
    }

    static long planId(JsonNode product, String name) {
        for (JsonNode plan : product.get("plans")) {
            if (plan.get("name").asText().equals(name)) {
                return plan.get("id").asLong();
            }
        }
        throw new AssertionError(product.get("name") + " has no plan " + name);
    }

    static void assertProblem(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as("%s", response.body()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(Http.json(response).path("field").asText()).as("%s", response.body()).isEqualTo(field);
    }
}
