package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The channel against the demo data (acme: Alpine -> Bright IT Reseller, Boreal -> Cloudy
 * Partners), with real tokens of every role: each storefront sells at its own prices, and every
 * read a role must not make fails.
 */
class ChannelApiIT extends EarIT {

    private final Http acme = Http.host("acme.localhost");
    private final Http bright = Http.host("reseller.acme.localhost");
    private final Http cloudy = Http.host("cloudy.acme.localhost");
    /** Host names a test gave Cloudy's storefront, which has room for five: no API removes one yet. */
    private final java.util.List<String> hostsAdded = new java.util.ArrayList<>();

    @org.junit.jupiter.api.AfterEach
    void removeTheHostsAdded() {
        for (String host : hostsAdded) {
            TestDatabase.update("DELETE FROM storefront_host WHERE host = ?", host);
            TestDatabase.update("DELETE FROM custom_domain WHERE host = ?", host);
        }
    }

    @Test
    void oneProductCostsWhatEachStorefrontDecided() {
        // Nimbus Mail Pro: 8.00 a month and a 20.00 setup fee from the vendor
        assertThat(license(acme)).isEqualByComparingTo("8.00");
        assertThat(license(bright)).isEqualByComparingTo("8.316"); // -30% wholesale, +10% sell-in, +35% sell-out
        assertThat(license(cloudy)).isEqualByComparingTo("10.08"); // -25% wholesale, +12% sell-in, +50% sell-out

        long plan = mailPro(acme);
        assertThat(quoteTotal(acme, plan)).isEqualTo("28.00");
        assertThat(quoteTotal(bright, plan)).isEqualTo("29.11"); // 8.32 + 20.79
        assertThat(quoteTotal(cloudy, plan)).isEqualTo("35.28"); // 10.08 + 25.20
    }

    @Test
    void aPinnedCustomerBuysAtItsOwnList() {
        String rossi = bright.token("customer@acme.test", "demo");
        long plan = mailPro(acme);

        HttpResponse<String> quote = bright.postJson("/api/v1/quotes", "{\"planId\":" + plan + ",\"duration\":1}", Http.bearer(rossi));

        assertThat(quote.statusCode()).as("%s", quote.body()).isEqualTo(200);
        assertThat(Http.json(quote).get("total").decimalValue()).isEqualByComparingTo("25.87"); // VIP +20%: 7.39 + 18.48
    }

    @Test
    void aDistributorSeesItsOwnListsAndItsCostsButNotTheWholesaleRulesNorAnotherDistributor() {
        String alpine = acme.token("distributor@acme.test", "demo");
        JsonNode lists = Http.json(acme.get("/api/v1/price-lists", Http.bearer(alpine)));

        assertThat(names(lists)).contains("Alpine standard").doesNotContain("Alpine wholesale", "Boreal standard", "Bright retail");
        assertThat(acme.get("/api/v1/price-lists/" + listId("Alpine wholesale"), Http.bearer(alpine)).statusCode()).isEqualTo(404);
        assertThat(acme.get("/api/v1/price-lists/" + listId("Boreal standard"), Http.bearer(alpine)).statusCode()).isEqualTo(404);
        assertThat(acme.get("/api/v1/price-lists/" + listId("Bright retail"), Http.bearer(alpine)).statusCode()).isEqualTo(404);
        assertThat(cost(acme.get("/api/v1/channel/costs", Http.bearer(alpine)))).isEqualByComparingTo("5.60");
    }

    @Test
    void aResellerNeverLearnsItsDistributorsWholesalePrice() {
        String brightUser = acme.token("reseller@acme.test", "demo");

        assertThat(names(Http.json(acme.get("/api/v1/price-lists", Http.bearer(brightUser))))).contains("Bright retail", "Bright VIP")
                .doesNotContain("Alpine wholesale", "Alpine standard", "Cloudy retail");
        for (String hidden : new String[] {"Alpine wholesale", "Alpine standard", "Cloudy retail", "Boreal standard"}) {
            assertThat(acme.get("/api/v1/price-lists/" + listId(hidden), Http.bearer(brightUser)).statusCode()).as(hidden).isEqualTo(404);
        }
        HttpResponse<String> costs = acme.get("/api/v1/channel/costs", Http.bearer(brightUser));
        assertThat(cost(costs)).isEqualByComparingTo("6.16");
        assertThat(costs.body()).doesNotContain("5.6").doesNotContain("markup");
    }

    @Test
    void customersVendorsAndOtherTenantsReadNoPriceList() {
        long wholesale = listId("Alpine wholesale");
        for (String email : new String[] {"customer@acme.test", "vendor@acme.test"}) {
            Http host = email.startsWith("customer") ? bright : acme; // Rossi signs in, and calls, at its store only
            String token = host.token(email, "demo");
            assertThat(host.get("/api/v1/price-lists", Http.bearer(token)).statusCode()).as(email).isEqualTo(403);
            assertThat(host.get("/api/v1/price-lists/" + wholesale, Http.bearer(token)).statusCode()).as(email).isEqualTo(403);
            assertThat(host.get("/api/v1/channel/costs", Http.bearer(token)).statusCode()).as(email).isEqualTo(403);
        }
        assertThat(acme.get("/api/v1/price-lists/" + wholesale).statusCode()).as("anonymous").isEqualTo(401);
        Http globex = Http.host("globex.localhost");
        assertThat(globex.get("/api/v1/price-lists/" + wholesale, Http.bearer(globex.token("admin@globex.test", "demo"))).statusCode())
                .isEqualTo(404);
        String supervisor = acme.token("supervisor@acme.test", "demo");
        assertThat(names(Http.json(acme.get("/api/v1/price-lists", Http.bearer(supervisor))))).contains("Alpine wholesale",
                "Boreal wholesale", "Alpine standard", "Boreal standard", "Bright retail", "Bright VIP", "Cloudy retail");
    }

    @Test
    void onlyAListsOwnerChangesItAndOnlyForItsOwnBuyers() {
        String brightUser = acme.token("reseller@acme.test", "demo");
        String alpine = acme.token("distributor@acme.test", "demo");
        long plan = mailPro(acme);
        String rule = "{\"planId\":" + plan + ",\"component\":\"license\",\"price\":1.00}";

        assertThat(acme.putJson("/api/v1/price-lists/" + listId("Cloudy retail") + "/entries", rule, Http.bearer(brightUser)).statusCode())
                .isEqualTo(404);
        assertThat(acme.putJson("/api/v1/price-lists/" + listId("Alpine standard") + "/entries", rule, Http.bearer(brightUser)).statusCode())
                .isEqualTo(404);
        long cloudyPartners = Long.parseLong(TestDatabase.query("SELECT id FROM organization WHERE name = 'Cloudy Partners'").get(0));
        HttpResponse<String> notMine = acme.postJson("/api/v1/price-lists/" + listId("Alpine standard") + "/assignments",
                "{\"organizationId\":" + cloudyPartners + "}", Http.bearer(alpine));
        assertThat(notMine.statusCode()).as("another distributor's reseller").isEqualTo(404);
        assertThat(notMine.body()).doesNotContain("Cloudy");
        long backup = Http.json(acme.get("/api/v1/catalog/nimbus-backup")).get("plans").get(0).get("id").asLong();
        assertProblem(acme.putJson("/api/v1/price-lists/" + listId("Bright VIP") + "/entries",
                "{\"planId\":" + backup + ",\"component\":\"extra:storage\",\"price\":2}", Http.bearer(brightUser)), 422, "price");
        assertProblem(acme.putJson("/api/v1/price-lists/" + listId("Bright VIP") + "/entries",
                "{\"planId\":" + backup + ",\"component\":\"extra:nothing\",\"markupPercent\":2}", Http.bearer(brightUser)), 422, "component");
    }

    @Test
    void aResellerPricesAPlanAndItsStorefrontShowsIt() {
        String cloudyUser = acme.token("reseller2@acme.test", "demo");
        long plan = Http.json(acme.get("/api/v1/catalog/orbit-invoicing")).get("plans").get(0).get("id").asLong();
        long list = listId("Cloudy retail");
        try {
            HttpResponse<String> priced = acme.putJson("/api/v1/price-lists/" + list + "/entries",
                    "{\"planId\":" + plan + ",\"component\":\"license\",\"price\":11.90}", Http.bearer(cloudyUser));
            assertThat(priced.statusCode()).as("%s", priced.body()).isEqualTo(200);

            assertThat(Http.json(cloudy.get("/api/v1/catalog/orbit-invoicing")).get("plans").get(0).get("licensePrice").decimalValue())
                    .isEqualByComparingTo("11.90");
            assertThat(Http.json(acme.get("/api/v1/catalog/orbit-invoicing")).get("plans").get(0).get("licensePrice").decimalValue())
                    .isEqualByComparingTo("9.00");
        } finally {
            acme.putJson("/api/v1/price-lists/" + list + "/entries", "{\"planId\":" + plan + ",\"component\":\"license\"}",
                    Http.bearer(cloudyUser));
        }
    }

    @Test
    void aStorefrontSellsInItsOwnCurrencyAtTheMarketplacesRate() {
        String admin = acme.token("admin@acme.test", "demo");
        String cloudyUser = cloudy.token("reseller2@acme.test", "demo");
        JsonNode mine = Http.json(cloudy.get("/api/v1/storefronts/mine", Http.bearer(cloudyUser)));
        assertThat(mine.get("currency").asText()).isEqualTo("EUR");
        long plan = mailPro(acme);
        long orbit = Http.json(acme.get("/api/v1/catalog/orbit-invoicing")).get("plans").get(0).get("id").asLong();
        String orbitLicense = "{\"planId\":" + orbit + ",\"component\":\"license\"";
        try {
            assertProblem(cloudy.putJson("/api/v1/storefronts/mine", storefrontBody(mine, "currency", "USD"), Http.bearer(cloudyUser)),
                    422, "currency");
            assertThat(acme.putJson("/api/v1/channel/exchange-rates/USD", "{\"rate\":1.1}", Http.bearer(cloudyUser)).statusCode())
                    .as("a reseller does not set rates").isEqualTo(403);
            assertThat(acme.putJson("/api/v1/channel/exchange-rates/USD", "{\"rate\":1.1}",
                    Http.bearer(Http.host("globex.localhost").token("admin@globex.test", "demo"))).statusCode()).isEqualTo(401);
            assertProblem(acme.putJson("/api/v1/channel/exchange-rates/USD", "{\"rate\":-1}", Http.bearer(admin)), 422, "rate");
            assertProblem(acme.putJson("/api/v1/channel/exchange-rates/XYZ", "{\"rate\":1}", Http.bearer(admin)), 422, "currency");
            assertProblem(acme.putJson("/api/v1/channel/exchange-rates/EUR", "{\"rate\":1}", Http.bearer(admin)), 422, "currency");
            assertProblem(acme.putJson("/api/v1/channel/exchange-rates/XAU", "{\"rate\":0.0004}", Http.bearer(admin)), 422, "currency");
            HttpResponse<String> rates = acme.putJson("/api/v1/channel/exchange-rates/usd", "{\"rate\":1.1}", Http.bearer(admin));
            assertThat(rates.statusCode()).as("%s", rates.body()).isEqualTo(200);
            assertThat(Http.json(acme.get("/api/v1/channel/exchange-rates", Http.bearer(cloudyUser))).at("/rates/USD").decimalValue())
                    .isEqualByComparingTo("1.1");

            // a fixed price in euros cannot silently become one in dollars
            acme.putJson("/api/v1/price-lists/" + listId("Cloudy retail") + "/entries", orbitLicense + ",\"price\":11.90}",
                    Http.bearer(cloudyUser));
            assertThat(cloudy.putJson("/api/v1/storefronts/mine", storefrontBody(mine, "currency", "USD", "tagline", "changed"),
                    Http.bearer(cloudyUser)).statusCode()).isEqualTo(409);
            assertThat(Http.json(cloudy.get("/api/v1/storefronts/mine", Http.bearer(cloudyUser))).get("tagline").asText())
                    .as("nothing of a refused change is saved").isNotEqualTo("changed");
            acme.putJson("/api/v1/price-lists/" + listId("Cloudy retail") + "/entries", orbitLicense + "}", Http.bearer(cloudyUser));

            JsonNode acmeShop = Http.json(acme.get("/api/v1/storefronts/mine", Http.bearer(admin)));
            assertProblem(acme.putJson("/api/v1/storefronts/mine", storefrontBody(acmeShop, "currency", "USD"), Http.bearer(admin)),
                    422, "currency");
            HttpResponse<String> switched = cloudy.putJson("/api/v1/storefronts/mine", storefrontBody(mine, "currency", "USD"),
                    Http.bearer(cloudyUser));
            assertThat(Http.json(switched).get("currency").asText()).as("%s", switched.body()).isEqualTo("USD");

            // 8.00 EUR -25% wholesale +12% sell-in = 6.72 EUR = 7.392 USD, +50% sell-out
            assertThat(license(cloudy)).isEqualByComparingTo("11.088");
            JsonNode quote = Http.json(cloudy.postJson("/api/v1/quotes", "{\"planId\":" + plan + ",\"duration\":1}"));
            assertThat(quote.get("currency").asText()).isEqualTo("USD");
            assertThat(quoteTotal(cloudy, plan)).isEqualTo("38.81"); // 11.09 + 27.72
            assertThat(cloudy.get("/product.xhtml?slug=nimbus-mail").body()).contains("$11.09");
            assertThat(license(acme)).isEqualByComparingTo("8.00");
            assertThat(license(bright)).isEqualByComparingTo("8.316");
            assertThat(Http.json(cloudy.get("/api/v1/channel/costs", Http.bearer(cloudyUser))).toString())
                    .as("what Cloudy pays stays in euros").contains("\"EUR\"").doesNotContain("USD");

            assertThat(acme.delete("/api/v1/channel/exchange-rates/USD", Http.bearer(admin)).statusCode()).as("in use").isEqualTo(409);
        } finally {
            cloudy.putJson("/api/v1/storefronts/mine", storefrontBody(mine), Http.bearer(cloudyUser));
            acme.putJson("/api/v1/price-lists/" + listId("Cloudy retail") + "/entries", orbitLicense + "}", Http.bearer(cloudyUser));
            acme.delete("/api/v1/channel/exchange-rates/USD", Http.bearer(admin));
        }
        assertThat(Http.json(acme.get("/api/v1/channel/exchange-rates", Http.bearer(admin))).get("rates").size()).isZero();
        assertThat(license(cloudy)).isEqualByComparingTo("10.08");
    }

    @Test
    void theTenantSwitchesTheDistributorTierAndThenTheWholeChannelOff() {
        String admin = acme.token("admin@acme.test", "demo");
        long plan = mailPro(acme);
        try {
            assertThat(acme.putJson("/api/v1/channel/settings", "{\"channelEnabled\":true,\"distributorTierEnabled\":false}",
                    Http.bearer(acme.token("reseller@acme.test", "demo"))).statusCode()).isEqualTo(403);
            assertThat(acme.putJson("/api/v1/channel/settings", "{\"channelEnabled\":true,\"distributorTierEnabled\":false}",
                    Http.bearer(admin)).statusCode()).isEqualTo(200);
            assertThat(license(bright)).isEqualByComparingTo("7.56"); // wholesale 5.60 + 35%, no sell-in

            acme.putJson("/api/v1/channel/settings", "{\"channelEnabled\":false,\"distributorTierEnabled\":true}", Http.bearer(admin));
            JsonNode showcase = Http.json(bright.get("/api/v1/catalog/nimbus-mail"));
            assertThat(showcase.get("plans").get(0).path("licensePrice").isMissingNode()
                    || showcase.get("plans").get(0).get("licensePrice").isNull()).as("%s", showcase).isTrue();
            assertThat(bright.postJson("/api/v1/quotes", "{\"planId\":" + plan + ",\"duration\":1}").statusCode()).isEqualTo(404);
            assertThat(license(acme)).as("the tenant still sells directly").isEqualByComparingTo("8.00");
        } finally {
            acme.putJson("/api/v1/channel/settings", "{\"channelEnabled\":true,\"distributorTierEnabled\":true}", Http.bearer(admin));
        }
        assertThat(license(bright)).isEqualByComparingTo("8.316");
    }

    @Test
    void aResellerEditsItsOwnStorefrontWhateverTheHostAndBadBrandingIsRefused() {
        String cloudyUser = bright.token("reseller2@acme.test", "demo");
        JsonNode mine = Http.json(bright.get("/api/v1/storefronts/mine", Http.bearer(cloudyUser)));
        assertThat(mine.get("name").asText()).isEqualTo("Cloudy Partners Shop");
        assertThat(mine.get("hosts").toString()).contains("cloudy.acme.localhost");

        String body = "{\"name\":\"Cloudy Partners Shop\",\"baseTheme\":\"nova-light\",\"primaryColor\":\"%s\",\"accentColor\":\"#ffc107\","
                + "\"fontFamily\":\"Open Sans\",\"languages\":[\"en\"],\"socialLinks\":{\"linkedin\":\"%s\"}}";
        assertProblem(bright.putJson("/api/v1/storefronts/mine", String.format(body, "red", "https://www.linkedin.com/x"),
                Http.bearer(cloudyUser)), 422, "primaryColor");
        assertProblem(bright.putJson("/api/v1/storefronts/mine", String.format(body, "#00796b", "javascript:alert(1)"),
                Http.bearer(cloudyUser)), 422, "socialLinks");
        assertProblem(bright.putJson("/api/v1/storefronts/mine", String.format(body, "#00796b", "https://x").replace("Open Sans", "Comic\"}"),
                Http.bearer(cloudyUser)), 422, "fontFamily");
        assertThat(bright.get("/api/v1/storefronts/mine", Http.bearer(bright.token("customer@acme.test", "demo"))).statusCode()).isEqualTo(403);
    }

    @Test
    void aShowcaseStorefrontShowsItsCatalogWithoutPrices() {
        String cloudyUser = cloudy.token("reseller2@acme.test", "demo");
        JsonNode mine = Http.json(cloudy.get("/api/v1/storefronts/mine", Http.bearer(cloudyUser)));
        try {
            assertThat(cloudy.putJson("/api/v1/storefronts/mine", storefrontBody(mine, "catalogMode", "SHOWCASE"), Http.bearer(cloudyUser))
                    .statusCode()).isEqualTo(200);

            JsonNode product = Http.json(cloudy.get("/api/v1/catalog/nimbus-mail"));
            assertThat(product.get("plans").get(0).path("licensePrice").isMissingNode()
                    || product.get("plans").get(0).get("licensePrice").isNull()).as("%s", product).isTrue();
            assertThat(cloudy.postJson("/api/v1/quotes", "{\"planId\":" + mailPro(acme) + ",\"duration\":1}").statusCode()).isEqualTo(404);
            assertThat(cloudy.get("/product.xhtml?slug=nimbus-mail").body()).doesNotContain("id=\"calculator\"");
            assertThat(license(bright)).as("other storefronts keep their prices").isEqualByComparingTo("8.316");
        } finally {
            cloudy.putJson("/api/v1/storefronts/mine", storefrontBody(mine), Http.bearer(cloudyUser));
        }
        assertThat(license(cloudy)).isEqualByComparingTo("10.08");
    }

    @Test
    void aVisitorPicksOneOfTheStorefrontsLanguages() {
        Http visitor = Http.host("reseller.acme.localhost");
        assertThat(visitor.get("/catalog.xhtml").body()).contains("Catalogo");
        assertThat(visitor.get("/catalog.xhtml?lang=en").body()).contains(">Catalog<");
        assertThat(visitor.get("/catalog.xhtml").body()).as("remembered for the session").contains(">Catalog<");
        assertThat(Http.host("cloudy.acme.localhost").get("/catalog.xhtml?lang=it").body())
                .as("a language the storefront does not offer").contains(">Catalog<").doesNotContain("Catalogo");
    }

    @Test
    void aResellersOwnServiceIsSoldOnItsStorefrontOnly() {
        String cloudyUser = acme.token("reseller2@acme.test", "demo");
        String brightUser = acme.token("reseller@acme.test", "demo");
        long plan = mailPro(acme);
        HttpResponse<String> added = acme.postJson("/api/v1/reseller-services", "{\"planId\":" + plan + ",\"service\":{"
                + "\"code\":\"setup-help\",\"name\":\"Setup help\",\"unit\":\"hours\",\"prepaid\":true,\"scheme\":\"VOLUME\","
                + "\"tiers\":[{\"from\":1,\"price\":15.00}]}}", Http.bearer(cloudyUser));
        assertThat(added.statusCode()).as("%s", added.body()).isEqualTo(201);
        long service = Http.json(added).get("id").asLong();
        try {
            String order = "{\"planId\":" + plan + ",\"duration\":1,\"extraResources\":{\"setup-help\":2}}";
            HttpResponse<String> onCloudy = cloudy.postJson("/api/v1/quotes", order);
            assertThat(onCloudy.statusCode()).as("%s", onCloudy.body()).isEqualTo(200);
            assertThat(Http.json(onCloudy).get("total").decimalValue()).isEqualByComparingTo("65.28"); // 35.28 + 2 x 15.00
            assertThat(cloudy.get("/api/v1/catalog/nimbus-mail").body()).contains("Setup help");

            assertProblem(bright.postJson("/api/v1/quotes", order), 422, "extraResources");
            assertThat(bright.get("/api/v1/catalog/nimbus-mail").body()).doesNotContain("Setup help");
            assertThat(Http.json(acme.get("/api/v1/reseller-services", Http.bearer(brightUser)))).isEmpty();
            assertThat(acme.delete("/api/v1/reseller-services/" + service, Http.bearer(brightUser)).statusCode()).isEqualTo(404);
            assertThat(acme.get("/api/v1/reseller-services", Http.bearer(acme.token("distributor2@acme.test", "demo"))).statusCode())
                    .isEqualTo(403);
        } finally {
            assertThat(acme.delete("/api/v1/reseller-services/" + service, Http.bearer(cloudyUser)).statusCode()).isEqualTo(204);
        }
    }

    @Test
    void aResellersCouponIsValidOnItsStorefrontOnlyAndAVendorsOnItsOwnProductsOnly() {
        String cloudyUser = acme.token("reseller2@acme.test", "demo");
        long plan = mailPro(acme);
        String code = "cloudy20-" + Unique.suffix(); // coupons stay: a new code every run
        String stored = code.toUpperCase(java.util.Locale.ROOT);
        String coupon = "{\"code\":\"" + code + "\",\"effect\":\"PERCENT_OFF\",\"percentOff\":20,\"destination\":\"TOTAL\","
                + "\"validFrom\":\"2020-01-01T00:00:00Z\",\"validUntil\":\"2099-01-01T00:00:00Z\"}";
        HttpResponse<String> issued = acme.postJson("/api/v1/coupons", coupon, Http.bearer(cloudyUser));
        assertThat(issued.statusCode()).as("%s", issued.body()).isEqualTo(201);
        assertThat(acme.postJson("/api/v1/coupons", coupon, Http.bearer(cloudyUser)).statusCode()).as("taken").isEqualTo(409);

        String order = "{\"planId\":" + plan + ",\"duration\":1,\"couponCode\":\"" + stored + "\"}";
        HttpResponse<String> onCloudy = cloudy.postJson("/api/v1/quotes", order);
        assertThat(onCloudy.statusCode()).as("%s", onCloudy.body()).isEqualTo(200);
        assertThat(Http.json(onCloudy).get("total").decimalValue()).isEqualByComparingTo("28.22"); // 35.28 less 7.06
        assertProblem(bright.postJson("/api/v1/quotes", order), 422, "couponCode");
        assertProblem(acme.postJson("/api/v1/quotes", order), 422, "couponCode");
        assertThat(acme.get("/api/v1/coupons", Http.bearer(acme.token("reseller@acme.test", "demo"))).body()).doesNotContain(stored);
        assertThat(bright.get("/api/v1/coupons", Http.bearer(bright.token("customer@acme.test", "demo"))).statusCode()).isEqualTo(403);

        long orbitCrm = Http.json(acme.get("/api/v1/catalog/orbit-crm")).get("id").asLong();
        assertProblem(acme.postJson("/api/v1/coupons", coupon.replace(code, "nimbus-steal").replace("{", "{\"productId\":" + orbitCrm + ","),
                Http.bearer(acme.token("vendor@acme.test", "demo"))), 422, "productId");
        assertProblem(acme.postJson("/api/v1/coupons", coupon.replace(code, "bad-percent").replace(":20,", ":120,"),
                Http.bearer(cloudyUser)), 422, "percentOff");
    }

    @Test
    void aResellersOwnCategoryShowsOnItsStorefrontOnly() {
        String cloudyUser = acme.token("reseller2@acme.test", "demo");
        String name = "Cloudy picks " + System.nanoTime();
        HttpResponse<String> created = acme.postJson("/api/v1/reseller-categories", "{\"name\":\"" + name + "\"}", Http.bearer(cloudyUser));
        assertThat(created.statusCode()).as("%s", created.body()).isEqualTo(201);
        JsonNode category = Http.json(created);
        long crm = Http.json(acme.get("/api/v1/catalog/orbit-crm")).get("id").asLong();
        assertThat(acme.postJson("/api/v1/reseller-categories/" + category.get("id").asLong() + "/products", "{\"productId\":" + crm + "}",
                Http.bearer(cloudyUser)).statusCode()).isEqualTo(204);

        assertThat(cloudy.get("/api/v1/catalog/categories").body()).contains(name, "Backup & Storage");
        assertThat(bright.get("/api/v1/catalog/categories").body()).doesNotContain(name);
        assertThat(acme.get("/api/v1/catalog/categories").body()).doesNotContain(name);
        JsonNode inIt = Http.json(cloudy.get("/api/v1/catalog?category=" + category.get("slug").asText()));
        assertThat(names(inIt.get("items"))).containsExactly("Orbit CRM");
        assertThat(acme.postJson("/api/v1/reseller-categories/" + category.get("id").asLong() + "/products", "{\"productId\":" + crm + "}",
                Http.bearer(acme.token("reseller@acme.test", "demo"))).statusCode()).as("another reseller's category").isEqualTo(404);
        assertProblem(acme.postJson("/api/v1/products", "{\"name\":\"Nimbus Sneaky\",\"summary\":\"x\",\"categoryId\":"
                + category.get("id").asLong() + "}", Http.bearer(acme.token("vendor@acme.test", "demo"))), 422, "categoryId");
    }

    @Test
    void aResellersBundleOfWhatItResellsIsSoldOnItsStorefrontOnly() {
        String cloudyUser = acme.token("reseller2@acme.test", "demo");
        long mail = mailPro(acme);
        long drive = Http.json(acme.get("/api/v1/catalog/nimbus-drive")).get("plans").get(0).get("id").asLong();
        String name = "Cloudy Office " + System.nanoTime();
        HttpResponse<String> created = acme.postJson("/api/v1/reseller-bundles", "{\"name\":\"" + name + "\",\"summary\":\"Mail and files\","
                + "\"components\":[{\"planId\":" + mail + ",\"discountPercent\":10},{\"planId\":" + drive + ",\"discountPercent\":10}]}",
                Http.bearer(cloudyUser));
        assertThat(created.statusCode()).as("%s", created.body()).isEqualTo(201);
        String slug = Http.json(created).get("slug").asText();

        JsonNode bundle = Http.json(cloudy.get("/api/v1/catalog/" + slug));
        long plan = bundle.get("plans").get(0).get("id").asLong();
        // Cloudy's prices: Mail Pro 10.08 + 25.20 setup, Drive Business 12.00 x 0.75 x 1.12 x 1.5 = 15.12, each less 10%
        HttpResponse<String> quote = cloudy.postJson("/api/v1/quotes", "{\"planId\":" + plan + ",\"duration\":1}");
        assertThat(quote.statusCode()).as("%s", quote.body()).isEqualTo(200);
        assertThat(Http.json(quote).get("total").decimalValue()).isEqualByComparingTo("45.36");
        assertThat(cloudy.get("/api/v1/catalog?q=" + name.replace(' ', '+')).body()).contains("\"total\":1");

        assertThat(bright.get("/api/v1/catalog/" + slug).statusCode()).isEqualTo(404);
        assertThat(acme.get("/api/v1/catalog/" + slug).statusCode()).isEqualTo(404);
        assertThat(acme.get("/api/v1/catalog?q=" + name.replace(' ', '+')).body()).contains("\"total\":0");
        assertThat(bright.postJson("/api/v1/quotes", "{\"planId\":" + plan + ",\"duration\":1}").statusCode()).isEqualTo(404);
        assertProblem(acme.postJson("/api/v1/reseller-bundles", "{\"name\":\"Just one\",\"summary\":\"x\",\"components\":[{\"planId\":"
                + mail + "}]}", Http.bearer(cloudyUser)), 422, "components");
        assertThat(acme.postJson("/api/v1/reseller-bundles", "{}", Http.bearer(acme.token("vendor@acme.test", "demo"))).statusCode())
                .isEqualTo(403);
    }

    @Test
    void aResellerAddsAHostNameUnderItsTenantsDomainOnly() {
        String cloudyUser = acme.token("reseller2@acme.test", "demo");
        String domain = "shop" + System.nanoTime() + ".acme.localhost";
        hostsAdded.add(domain);

        HttpResponse<String> added = acme.postJson("/api/v1/storefronts/mine/hosts", "{\"host\":\"" + domain.toUpperCase() + "\"}",
                Http.bearer(cloudyUser));
        assertThat(added.statusCode()).as("%s", added.body()).isEqualTo(200);
        assertThat(added.body()).contains(domain);
        assertThat(Http.host(domain).get("/").body()).contains("Cloudy Partners Shop");
        assertThat(acme.postJson("/api/v1/storefronts/mine/hosts", "{\"host\":\"reseller.acme.localhost\"}", Http.bearer(cloudyUser))
                .statusCode()).isEqualTo(409);
        assertProblem(acme.postJson("/api/v1/storefronts/mine/hosts", "{\"host\":\"not a host!\"}", Http.bearer(cloudyUser)), 422, "host");
        assertProblem(acme.postJson("/api/v1/storefronts/mine/hosts", "{\"host\":\"shop.globex.localhost\"}", Http.bearer(cloudyUser)), 422, "host");
    }

    @Test
    void aDomainOfTheResellersOwnRoutesOnlyOnceThePlatformOperatorApprovesIt() {
        String cloudyUser = acme.token("reseller2@acme.test", "demo");
        String domain = "shop" + System.nanoTime() + ".cloudy-partners.example";
        hostsAdded.add(domain);

        HttpResponse<String> asked = acme.postJson("/api/v1/storefronts/mine/hosts", "{\"host\":\"" + domain + "\"}", Http.bearer(cloudyUser));
        assertThat(asked.statusCode()).as("%s", asked.body()).isEqualTo(200);
        assertThat(Http.json(asked).get("pendingHosts").toString()).contains(domain);
        assertThat(Http.json(asked).get("hosts").toString()).doesNotContain(domain);
        assertThat(Http.host(domain).get("/").statusCode()).as("not routed before the check").isEqualTo(404);

        assertThat(acme.get("/api/v1/platform/custom-domains", Http.bearer(acme.token("admin@acme.test", "demo"))).statusCode())
                .as("a tenant's admin is not the platform operator").isEqualTo(403);
        Http platform = Http.host("platform.localhost");
        String operator = platform.token("superadmin@platform.test", "demo");
        long request = -1;
        for (JsonNode pending : Http.json(platform.get("/api/v1/platform/custom-domains", Http.bearer(operator)))) {
            if (pending.get("host").asText().equals(domain)) {
                assertThat(pending.get("tenant").asText()).isEqualTo("acme");
                request = pending.get("id").asLong();
            }
        }
        assertThat(request).as("the request is in the operator's queue").isPositive();
        for (JsonNode proof : Http.json(asked).get("domainRequests")) {
            if (proof.get("host").asText().equals(domain)) {
                DnsStub.publishTxt(proof.get("txtName").asText(), proof.get("txtValue").asText());
            }
        }
        assertThat(platform.post("/api/v1/platform/custom-domains/" + request + "/approve", Http.bearer(operator)).statusCode()).isEqualTo(204);

        assertThat(Http.host(domain).get("/").body()).contains("Cloudy Partners Shop");
        Http globex = Http.host("globex.localhost");
        assertThat(globex.postJson("/api/v1/storefronts/mine/hosts", "{\"host\":\"" + domain + "\"}",
                Http.bearer(globex.token("admin@globex.test", "demo"))).statusCode()).as("taken").isEqualTo(409);
    }

    @Test
    void storefrontTextsAreShownAsTextNeverAsMarkup() {
        String cloudyUser = cloudy.token("reseller2@acme.test", "demo");
        JsonNode mine = Http.json(cloudy.get("/api/v1/storefronts/mine", Http.bearer(cloudyUser)));
        try {
            com.fasterxml.jackson.databind.node.ObjectNode body = (com.fasterxml.jackson.databind.node.ObjectNode) Http.json(
                    storefrontBody(mine, "tagline", "<script>alert(1)</script>"));
            body.putArray("banners").addObject().put("title", "<img src=x onerror=alert(2)>");
            assertThat(cloudy.putJson("/api/v1/storefronts/mine", body.toString(), Http.bearer(cloudyUser)).statusCode()).isEqualTo(200);
            String page = cloudy.get("/").body();
            assertThat(page).doesNotContain("<script>alert(1)").doesNotContain("<img src=x").contains("&lt;script&gt;alert(1)");
        } finally {
            cloudy.putJson("/api/v1/storefronts/mine", storefrontBody(mine), Http.bearer(cloudyUser));
        }
    }

    @Test
    void bannersAreAListWithSafeLinksAndPicturesEachStorefrontServesItsOwn() {
        String cloudyUser = cloudy.token("reseller2@acme.test", "demo");
        JsonNode mine = Http.json(cloudy.get("/api/v1/storefronts/mine", Http.bearer(cloudyUser)));
        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        try {
            assertProblem(cloudy.putJson("/api/v1/storefronts/mine", banners(mine, "{\"title\":\"Sale\",\"link\":\"javascript:alert(1)\"}"),
                    Http.bearer(cloudyUser)), 422, "banners.link");
            assertProblem(cloudy.putJson("/api/v1/storefronts/mine", banners(mine, "{\"text\":\"no title\"}"), Http.bearer(cloudyUser)),
                    422, "banners.title");
            HttpResponse<String> saved = cloudy.putJson("/api/v1/storefronts/mine", banners(mine,
                    "{\"title\":\"Spring sale\",\"text\":\"Mail for less\",\"link\":\"/catalog.xhtml?q=mail\"}",
                    "{\"title\":\"Backups\",\"link\":\"https://example.com/backup\"}"), Http.bearer(cloudyUser));
            assertThat(saved.statusCode()).as("%s", saved.body()).isEqualTo(200);
            assertThat(Http.json(saved).at("/details/banners/1/title").asText()).isEqualTo("Backups");

            HttpResponse<String> pictured = cloudy.putBytes("/api/v1/storefronts/mine/banners/2/image", "image/png", png, Http.bearer(cloudyUser));
            assertThat(pictured.statusCode()).as("%s", pictured.body()).isEqualTo(200);
            assertThat(Http.json(pictured).get("bannerImages").toString()).isEqualTo("[2]");
            assertThat(cloudy.putBytes("/api/v1/storefronts/mine/banners/7/image", "image/png", png, Http.bearer(cloudyUser)).statusCode())
                    .isEqualTo(404);
            assertProblem(cloudy.putBytes("/api/v1/storefronts/mine/banners/1/image", "image/png", "<svg/>".getBytes(),
                    Http.bearer(cloudyUser)), 422, "image");

            assertThat(cloudy.get("/storefront/banner?n=2").statusCode()).isEqualTo(200);
            assertThat(cloudy.get("/storefront/banner?n=1").statusCode()).as("no picture").isEqualTo(404);
            assertThat(acme.get("/storefront/banner?n=2").statusCode()).as("acme's banner 2 has none").isEqualTo(404);
            String home = cloudy.get("/").body();
            assertThat(home).contains("Spring sale", "href=\"/catalog.xhtml?q=mail\"", "href=\"https://example.com/backup\"",
                    "/storefront/banner?n=2");
            assertThat(acme.get("/").body()).doesNotContain("Spring sale");

            // new texts keep the pictures where they are
            cloudy.putJson("/api/v1/storefronts/mine", banners(mine, "{\"title\":\"Spring sale\"}", "{\"title\":\"Backups!\"}"),
                    Http.bearer(cloudyUser));
            assertThat(cloudy.get("/storefront/banner?n=2").statusCode()).isEqualTo(200);
            HttpResponse<String> removed = cloudy.delete("/api/v1/storefronts/mine/banners/2/image", Http.bearer(cloudyUser));
            assertThat(Http.json(removed).get("bannerImages").toString()).isEqualTo("[]");
            assertThat(cloudy.get("/storefront/banner?n=2").statusCode()).isEqualTo(404);

            String globexAdmin = Http.host("globex.localhost").token("admin@globex.test", "demo");
            assertThat(cloudy.putBytes("/api/v1/storefronts/mine/banners/1/image", "image/png", png, Http.bearer(globexAdmin)).statusCode())
                    .as("a globex token on acme").isEqualTo(401);
            assertThat(Http.host("globex.localhost").get("/").body()).doesNotContain("Spring sale");
        } finally {
            cloudy.putJson("/api/v1/storefronts/mine", storefrontBody(mine), Http.bearer(cloudyUser));
        }
    }

    /** The storefront's PUT body with these banners (JSON objects). */
    private static String banners(JsonNode mine, String... banners) {
        com.fasterxml.jackson.databind.node.ObjectNode body = (com.fasterxml.jackson.databind.node.ObjectNode) Http.json(storefrontBody(mine));
        body.set("banners", Http.json("[" + String.join(",", banners) + "]"));
        return body.toString();
    }

    @Test
    void anotherTenantsUsersReachNoneOfAcmesChannel() {
        Http globex = Http.host("globex.localhost");
        String globexAdmin = globex.token("admin@globex.test", "demo");
        for (String path : new String[] {"/api/v1/price-lists", "/api/v1/channel/costs", "/api/v1/coupons", "/api/v1/reseller-services",
                "/api/v1/reseller-categories", "/api/v1/storefronts/mine"}) {
            assertThat(acme.get(path, Http.bearer(globexAdmin)).statusCode()).as("a globex token on acme: %s", path).isEqualTo(401);
        }
        assertThat(acme.postJson("/api/v1/reseller-bundles", "{}", Http.bearer(globexAdmin)).statusCode()).isEqualTo(401);

        assertThat(Http.json(globex.get("/api/v1/storefronts/mine", Http.bearer(globexAdmin))).get("name").asText())
                .isEqualTo("Globex Exchange");

        // What globex's admin lists must be exactly globex's rows: the same queries without the tenant
        // filter would return acme's marketplace coupons, price lists and categories too.
        String acmeAdmin = acme.token("admin@acme.test", "demo");
        String code = "ACME" + System.nanoTime();
        HttpResponse<String> acmeCoupon = acme.postJson("/api/v1/coupons", "{\"code\":\"" + code + "\",\"effect\":\"PERCENT_OFF\","
                + "\"percentOff\":5,\"destination\":\"TOTAL\",\"validFrom\":\"2020-01-01T00:00:00Z\",\"validUntil\":\"2099-01-01T00:00:00Z\"}",
                Http.bearer(acmeAdmin));
        assertThat(acmeCoupon.statusCode()).as("%s", acmeCoupon.body()).isEqualTo(201);
        try {
            assertThat(ids(acme.get("/api/v1/coupons", Http.bearer(acmeAdmin)))).contains(Http.json(acmeCoupon).get("id").asLong());
            assertThat(ids(globex.get("/api/v1/coupons", Http.bearer(globexAdmin))))
                    .containsExactlyInAnyOrderElementsOf(rowsOfGlobex("coupon", "owner_id IS NULL"));
        } finally {
            TestDatabase.update("DELETE FROM coupon WHERE code = ?", code);
        }
        assertThat(ids(acme.get("/api/v1/price-lists", Http.bearer(acmeAdmin)))).as("acme's lists").isNotEmpty();
        assertThat(ids(globex.get("/api/v1/price-lists", Http.bearer(globexAdmin))))
                .containsExactlyInAnyOrderElementsOf(rowsOfGlobex("price_list", "TRUE"));
        assertThat(ids(acme.get("/api/v1/catalog/categories"))).as("acme's categories").isNotEmpty();
        assertThat(ids(globex.get("/api/v1/catalog/categories")))
                .containsExactlyInAnyOrderElementsOf(rowsOfGlobex("category", "owner_id IS NULL"));
    }

    private static List<Long> ids(HttpResponse<String> listed) {
        assertThat(listed.statusCode()).as("%s", listed.body()).isEqualTo(200);
        List<Long> ids = new java.util.ArrayList<>();
        Http.json(listed).forEach(row -> ids.add(row.get("id").asLong()));
        return ids;
    }

    /** The ids of globex's rows of a table, read past the application. */
    private static List<Long> rowsOfGlobex(String table, String condition) {
        return TestDatabase.query("SELECT id FROM " + table + " WHERE tenant_id = (SELECT id FROM tenant WHERE slug = 'globex') AND "
                + condition).stream().map(Long::valueOf).toList();
    }

    /** The storefront as GET /storefronts/mine answered it, with some fields changed, as a PUT body. */
    static String storefrontBody(JsonNode mine, String... changes) {
        com.fasterxml.jackson.databind.node.ObjectNode body = ((com.fasterxml.jackson.databind.node.ObjectNode) mine.get("details").deepCopy());
        for (String field : new String[] {"baseTheme", "primaryColor", "accentColor", "fontFamily", "currency"}) {
            body.set(field, mine.get(field));
        }
        for (int i = 0; i < changes.length; i += 2) {
            body.put(changes[i], changes[i + 1]);
        }
        return body.toString();
    }

    private BigDecimal license(Http storefront) {
        HttpResponse<String> product = storefront.get("/api/v1/catalog/nimbus-mail");
        assertThat(product.statusCode()).as("%s", product.body()).isEqualTo(200);
        for (JsonNode plan : Http.json(product).get("plans")) {
            if (plan.get("name").asText().equals("Pro")) {
                return plan.get("licensePrice").decimalValue();
            }
        }
        throw new AssertionError("no Pro plan: " + product.body());
    }

    private long mailPro(Http storefront) {
        for (JsonNode plan : Http.json(storefront.get("/api/v1/catalog/nimbus-mail")).get("plans")) {
            if (plan.get("name").asText().equals("Pro")) {
                return plan.get("id").asLong();
            }
        }
        throw new AssertionError("no Pro plan");
    }

    private static String quoteTotal(Http storefront, long plan) {
        HttpResponse<String> quote = storefront.postJson("/api/v1/quotes", "{\"planId\":" + plan + ",\"duration\":1}");
        assertThat(quote.statusCode()).as("%s", quote.body()).isEqualTo(200);
        return Http.json(quote).get("total").decimalValue().setScale(2).toPlainString();
    }

    private long listId(String name) {
        String token = acme.token("admin@acme.test", "demo");
        for (JsonNode list : Http.json(acme.get("/api/v1/price-lists", Http.bearer(token)))) {
            if (list.get("name").asText().equals(name)) {
                return list.get("id").asLong();
            }
        }
        throw new AssertionError("no price list " + name);
    }

    private static BigDecimal cost(HttpResponse<String> costs) {
        assertThat(costs.statusCode()).as("%s", costs.body()).isEqualTo(200);
        for (JsonNode cost : Http.json(costs)) {
            if (cost.get("productName").asText().equals("Nimbus Mail") && cost.get("planName").asText().equals("Pro")) {
                return cost.get("license").decimalValue();
            }
        }
        throw new AssertionError("no cost of Nimbus Mail Pro: " + costs.body());
    }

    private static java.util.List<String> names(JsonNode lists) {
        java.util.List<String> names = new java.util.ArrayList<>();
        lists.forEach(list -> names.add(list.get("name").asText()));
        return names;
    }

    private static void assertProblem(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as("%s", response.body()).isEqualTo(status);
        assertThat(Http.json(response).path("field").asText()).as("%s", response.body()).isEqualTo(field);
    }
}
