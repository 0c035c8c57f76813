package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloudmarket.it.ClientDecimalsIT.assertProblem;
import static org.cloudmarket.it.ClientDecimalsIT.planId;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 9: what a quote may be asked for and whom it prices for. A coupon counts when the buyer
 * commits, whatever start day is sent; the product page's calculator quotes what the page shows
 * its signed-in customer; the catalog's "from" prices compare per month.
 */
class QuoteRulesIT extends EarIT {

    private static final ZoneId ACME_ZONE = ZoneId.of("Europe/Rome");
    /** The price cell of a plan's row on the product page. */
    private static final Pattern PRO_PRICE = Pattern.compile("<strong>Pro</strong>.*?<td[^>]*>\\s*([^<]*?)\\s*<span", Pattern.DOTALL);

    private final Http acme = Http.host("acme.localhost");

    @Test
    void anExpiredCouponStaysExpiredWhateverStartDayIsSent() {
        String code = "EXPIRED-" + UUID.randomUUID().toString().substring(0, 8);
        issue(code, "2020-01-01T00:00:00Z", "2020-02-01T00:00:00Z");
        long plan = mailPro();

        assertProblem(quote(acme, plan, ",\"couponCode\":\"" + code + "\",\"start\":\"2020-01-15\""), "start");
        assertProblem(quote(acme, plan, ",\"couponCode\":\"" + code + "\""), "couponCode");
        String twoDaysAgo = LocalDate.now(ACME_ZONE).minusDays(2).toString();
        assertProblem(quote(acme, plan, ",\"start\":\"" + twoDaysAgo + "\""), "start");
    }

    @Test
    void aCouponValidWhenTheBuyerCommitsAppliesToAPurchaseStartingLater() {
        String code = "TODAY-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        issue(code, now.minus(Duration.ofDays(1)).toString(), now.plus(Duration.ofDays(1)).toString());
        String inThreeWeeks = LocalDate.now(ACME_ZONE).plusDays(21).toString();

        HttpResponse<String> quote = quote(acme, mailPro(), ",\"couponCode\":\"" + code + "\",\"start\":\"" + inThreeWeeks + "\"");

        assertThat(quote.statusCode()).as("%s", quote.body()).isEqualTo(200);
        assertThat(types(Http.json(quote))).containsExactly("LICENSE", "SETUP_FEE", "DISCOUNT");
        assertThat(Http.json(quote).get("total").decimalValue()).isEqualByComparingTo("25.20"); // 28.00 less 10%
    }

    @Test
    void theCalculatorQuotesAPinnedCustomerWhatItsProductPageShowsAndOthersTheDefaultList() {
        long plan = mailPro();
        Http rossi = Http.host("reseller.acme.localhost");
        WebSessionIT.signIn(rossi, "customer@acme.test", "demo", true);
        Http visitor = Http.host("reseller.acme.localhost");

        BigDecimal rossisPage = pagePrice(rossi);
        BigDecimal visitorsPage = pagePrice(visitor);
        JsonNode rossisQuote = calculator(rossi, plan);
        JsonNode visitorsQuote = calculator(visitor, plan);

        assertThat(rossisPage).isEqualByComparingTo("7.39"); // Bright VIP, +20%
        assertThat(license(rossisQuote)).isEqualByComparingTo(rossisPage);
        assertThat(rossisQuote.get("total").decimalValue()).isEqualByComparingTo("25.87"); // 7.39 + 18.48 setup
        assertThat(visitorsPage).isEqualByComparingTo("8.32"); // Bright retail, +35%
        assertThat(license(visitorsQuote)).isEqualByComparingTo(visitorsPage);
        // the API takes no browser session: without a token it is the default list, even with Rossi's cookie
        JsonNode apiWithCookie = Http.json(rossi.postJson("/api/v1/quotes", "{\"planId\":" + plan + ",\"duration\":1}"));
        assertThat(license(apiWithCookie)).isEqualByComparingTo("8.32");
    }

    @Test
    void theCalculatorQuotesNeitherAnotherTenantsPlanNorAPinnedListToAChannelPeer() {
        long plan = mailPro();

        assertThat(Http.host("globex.localhost").postJson("/calculator/quote", "{\"planId\":" + plan + ",\"duration\":1}")
                .statusCode()).as("acme's plan through globex's storefront").isEqualTo(404);

        // Cloudy Partners' reseller on Bright IT's storefront: Rossi's VIP list is Bright's, for Rossi only
        Http peer = Http.host("reseller.acme.localhost");
        WebSessionIT.signIn(peer, "reseller2@acme.test", "demo", true);
        assertThat(license(calculator(peer, plan))).isNotEqualByComparingTo("7.39");
    }

    @Test
    void theCalculatorAnswersBadInputAsTheApiDoes() {
        Http visitor = Http.host("acme.localhost");

        assertProblem(visitor.postJson("/calculator/quote", "{\"planId\":" + mailPro() + ",\"duration\":0}"), "duration");
        assertProblem(visitor.postJson("/calculator/quote", "{\"duration\":1}"), "planId");
        assertThat(visitor.postJson("/calculator/quote", "{\"planId\":").statusCode()).isEqualTo(400);
        assertThat(visitor.postJson("/calculator/quote", "{\"planId\":99999999,\"duration\":1}").statusCode()).isEqualTo(404);
    }

    @Test
    void theCatalogComparesFromPricesPerMonth() {
        // Sandbox: 0.50 an hour, 365.00 a month; on Bright IT's storefront 0.51975 an hour, 379.42 a month
        for (Http host : List.of(acme, Http.host("reseller.acme.localhost"))) {
            assertThat(names(host.get("/api/v1/catalog?q=sandbox&maxPrice=1"))).noneMatch(name -> name.contains("Sandbox"));
            assertThat(names(host.get("/api/v1/catalog?q=sandbox&minPrice=300&maxPrice=400"))).anyMatch(name -> name.contains("Sandbox"));
        }
    }

    private void issue(String code, String from, String until) {
        HttpResponse<String> issued = acme.postJson("/api/v1/coupons", "{\"code\":\"" + code + "\",\"effect\":\"PERCENT_OFF\","
                + "\"percentOff\":10,\"destination\":\"TOTAL\",\"validFrom\":\"" + from + "\",\"validUntil\":\"" + until + "\"}",
                Http.bearer(acme.token("admin@acme.test", "demo")));
        assertThat(issued.statusCode()).as("%s", issued.body()).isEqualTo(201);
    }

    private long mailPro() {
        HttpResponse<String> product = acme.get("/api/v1/catalog/nimbus-mail");
        assertThat(product.statusCode()).as("%s", product.body()).isEqualTo(200);
        return planId(Http.json(product), "Pro");
    }

    private static HttpResponse<String> quote(Http http, long plan, String fields) {
        return http.postJson("/api/v1/quotes", "{\"planId\":" + plan + ",\"duration\":1" + fields + "}");
    }

    private static JsonNode calculator(Http http, long plan) {
        HttpResponse<String> quote = http.postJson("/calculator/quote", "{\"planId\":" + plan + ",\"duration\":1}");
        assertThat(quote.statusCode()).as("%s", quote.body()).isEqualTo(200);
        return Http.json(quote);
    }

    /** Mail Pro's price as the product page prints it ("7,39 €" on the Italian storefront). */
    private static BigDecimal pagePrice(Http http) {
        HttpResponse<String> page = http.get("/product.xhtml?slug=nimbus-mail");
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher price = PRO_PRICE.matcher(page.body());
        assertThat(price.find()).as("the Pro plan's price on the page").isTrue();
        String digits = price.group(1).replaceAll("[^0-9,.]", "");
        return new BigDecimal(digits.contains(",") ? digits.replace(".", "").replace(',', '.') : digits);
    }

    private static BigDecimal license(JsonNode quote) {
        for (JsonNode line : quote.get("lines")) {
            if (line.get("type").asText().equals("LICENSE")) {
                return line.get("amount").decimalValue();
            }
        }
        throw new AssertionError("No license line in " + quote);
    }

    private static List<String> types(JsonNode quote) {
        List<String> types = new ArrayList<>();
        quote.get("lines").forEach(line -> types.add(line.get("type").asText()));
        return types;
    }

    private static List<String> names(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("%s", response.body()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        Http.json(response).get("items").forEach(item -> names.add(item.get("name").asText()));
        return names;
    }
}
