package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

/** A reseller's own offers page, in headless Chromium: services, coupons, categories and bundles on its storefront. */
class OffersBrowserIT extends EarIT {

    @Test
    void aResellerAddsAServiceACouponACategoryAndABundleSeenOnItsStorefrontOnly() {
        String suffix = Unique.suffix(); // its coupon stays: a new code every run
        try (Browser reseller = new Browser()) {
            reseller.open("cloudy.acme.localhost", "/backoffice/offers.xhtml");
            reseller.type("#login\\:email", "reseller2@acme.test");
            reseller.type("#login\\:password", "demo");
            reseller.clickAndWait("#login\\:submit");
            assertThat(reseller.find("#backofficeNav").getText()).contains("Offers");

            // a value-added service on Nimbus Mail Pro, quoted on Cloudy's storefront
            new Select(reseller.find("#offers\\:servicePlan")).selectByVisibleText("Nimbus Mail Pro");
            reseller.type("#offers\\:serviceName", "Migration help " + suffix);
            reseller.type("#offers\\:serviceCode", "migration-" + suffix);
            reseller.type("#offers\\:serviceUnit", "hours");
            reseller.type("#offers\\:serviceUnitPrice", "abc");
            reseller.find("#offers\\:addService").click();
            reseller.waitForText("#offers\\:messages", "Price per unit: 'abc'");
            reseller.retype("#offers\\:serviceUnitPrice", "45");
            reseller.find("#offers\\:addService").click();
            reseller.waitForText("#offers\\:messages", "Service added");
            assertThat(reseller.find("#offers\\:services").getText()).contains("Migration help " + suffix, "€45.00 / hours");

            reseller.type("#offers\\:couponCode", "CLOUDY-" + suffix);
            reseller.type("#offers\\:couponPercent", "15");
            reseller.type("#offers\\:couponDays", "30");
            reseller.find("#offers\\:issueCoupon").click();
            reseller.waitForText("#offers\\:messages", "CLOUDY-" + suffix + " issued");
            assertThat(reseller.find("#offers\\:coupons").getText()).contains("CLOUDY-" + suffix);

            reseller.type("#offers\\:categoryName", "Team tools " + suffix);
            reseller.find("#offers\\:createCategory").click();
            reseller.waitForText("#offers\\:messages", "created");
            new Select(reseller.find("#offers\\:categoryId")).selectByVisibleText("Team tools " + suffix);
            new Select(reseller.find("#offers\\:categoryProduct")).selectByVisibleText("Nimbus Mail");
            reseller.find("#offers\\:addToCategory").click();
            reseller.waitForText("#offers\\:messages", "added to the category");

            reseller.type("#offers\\:bundleName", "Office kit " + suffix);
            reseller.type("#offers\\:bundleSummary", "Mail and backups, set up together");
            new Select(reseller.find("#offers\\:bundleFirst")).selectByVisibleText("Nimbus Mail Pro");
            new Select(reseller.find("#offers\\:bundleSecond")).selectByVisibleText("Nimbus Mail Pro");
            reseller.find("#offers\\:createBundle").click();
            reseller.waitForText("#offers\\:messages", "two different products");
            new Select(reseller.find("#offers\\:bundleSecond")).selectByVisibleText("Nimbus Backup Tiered storage");
            reseller.type("#offers\\:bundleDiscount", "10");
            reseller.find("#offers\\:createBundle").click();
            reseller.waitForText("#offers\\:messages", "Bundle published");
            assertThat(reseller.find("#offers\\:bundles").getText()).contains("Office kit " + suffix);
            reseller.screenshot("offers-cloudy");

            Http cloudy = Http.host("cloudy.acme.localhost");
            Http acme = Http.host("acme.localhost");
            assertThat(cloudy.get("/api/v1/catalog/categories").body()).contains("Team tools " + suffix);
            assertThat(acme.get("/api/v1/catalog/categories").body()).doesNotContain("Team tools " + suffix);
            assertThat(cloudy.get("/catalog.xhtml?q=office+kit+" + suffix).body()).contains("Office kit " + suffix);
            assertThat(acme.get("/catalog.xhtml?q=office+kit+" + suffix).body()).doesNotContain("Office kit " + suffix);
            assertThat(cloudy.get("/product.xhtml?slug=nimbus-mail").body()).contains("Migration help " + suffix);
            assertThat(acme.get("/product.xhtml?slug=nimbus-mail").body()).doesNotContain("Migration help " + suffix);

            // the service goes again, so other tests see Nimbus Mail as the demo has it
            reseller.open("cloudy.acme.localhost", "/backoffice/offers.xhtml");
            reseller.find("#offers\\:services .ui-button").click();
            reseller.waitForText("#offers\\:messages", "Service removed");
            assertThat(cloudy.get("/product.xhtml?slug=nimbus-mail").body()).doesNotContain("Migration help " + suffix);
        }
    }

    @Test
    void onlyAResellerOfThisTenantOpensTheOffersPage() {
        Http acme = Http.host("cloudy.acme.localhost");
        String reseller = "JSESSIONID=" + WebSessionIT.signIn(acme, "reseller2@acme.test", "demo", true);
        assertThat(acme.get("/backoffice/offers.xhtml", "Cookie", reseller).statusCode()).isEqualTo(200);

        HttpResponse<String> onGlobex = Http.host("globex.localhost").get("/backoffice/offers.xhtml", "Cookie", reseller);
        assertThat(onGlobex.statusCode()).as("an acme session on globex").isEqualTo(302);
        assertThat(onGlobex.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).contains("/login.xhtml"));

        Http asCustomer = Http.host("reseller.acme.localhost"); // Rossi's store: a customer signs in only there
        String customer = "JSESSIONID=" + WebSessionIT.signIn(asCustomer, "customer@acme.test", "demo", true);
        assertThat(asCustomer.get("/backoffice/offers.xhtml", "Cookie", customer).statusCode()).isEqualTo(403);
        Http globex = Http.host("globex.localhost");
        String globexAdmin = "JSESSIONID=" + WebSessionIT.signIn(globex, "admin@globex.test", "demo", true);
        assertThat(globex.get("/backoffice/offers.xhtml", "Cookie", globexAdmin).statusCode()).as("no reseller").isEqualTo(403);
    }
}
