package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * White-label storefronts in a real headless Chromium: one product at three prices on three
 * storefronts, each with its own logo, colours and language; and a reseller's theme change that
 * shows on its own storefront's next page load and nowhere else.
 */
class ChannelBrowserIT extends EarIT {

    @Test
    void oneProductShowsThreePricesOnThreeStorefrontsEachInItsOwnBrand() {
        try (Browser browser = new Browser()) {
            browser.open("acme.localhost", "/product.xhtml?slug=nimbus-mail");
            assertThat(browser.find("#plans").getText()).contains("€8.00");
            assertThat(browser.has("#brandLogo")).isTrue();
            assertThat(browser.pageSource()).contains("primefaces-saga-blue");
            browser.screenshot("channel-acme-nimbus-mail");

            browser.open("reseller.acme.localhost", "/product.xhtml?slug=nimbus-mail");
            assertThat(browser.find("#plans").getText()).contains("8,32 €", "al mese");
            assertThat(browser.text()).contains("Piani", "Calcola il prezzo");
            assertThat(browser.has("#brandLogo")).isTrue();
            assertThat(browser.pageSource()).contains("primefaces-bootstrap4-purple-light");
            browser.screenshot("channel-bright-nimbus-mail");

            browser.open("cloudy.acme.localhost", "/product.xhtml?slug=nimbus-mail");
            assertThat(browser.find("#plans").getText()).contains("€10.08");
            assertThat(browser.find("#brand").getText()).contains("Cloudy Partners Shop");
            assertThat(browser.pageSource()).contains("primefaces-nova-light");
            browser.screenshot("channel-cloudy-nimbus-mail");

            browser.open("cloudy.acme.localhost", "/");
            assertThat(browser.find("#banner1").getText()).contains("Small business, big software");
            browser.screenshot("channel-cloudy-home");
        }
    }

    @Test
    void aResellersNewColourShowsOnItsStorefrontOnlyOnTheNextPageLoad() {
        try (Browser reseller = new Browser(); Browser visitor = new Browser()) {
            String before = css(visitor, "cloudy.acme.localhost");
            String acmeBefore = css(visitor, "acme.localhost");
            String brightBefore = css(visitor, "reseller.acme.localhost");

            reseller.open("cloudy.acme.localhost", "/backoffice/theme.xhtml");
            reseller.type("#login\\:email", "reseller2@acme.test");
            reseller.type("#login\\:password", "demo");
            reseller.clickAndWait("#login\\:submit");
            assertThat(reseller.find("#theme\\:name").getAttribute("value")).isEqualTo("Cloudy Partners Shop");
            reseller.script("var input = document.getElementById('theme:primary'); input.value = '#c2185b';"
                    + "input.dispatchEvent(new Event('input'));");
            assertThat(reseller.find("#previewHeader").getAttribute("style")).contains("rgb(194, 24, 91)");
            reseller.screenshot("channel-theme-editor");
            reseller.clickAndWait("#theme\\:save");
            assertThat(reseller.find("#theme\\:messages").getText()).contains("Saved");

            try {
                assertThat(css(visitor, "cloudy.acme.localhost")).contains("#c2185b").isNotEqualTo(before);
                assertThat(css(visitor, "acme.localhost")).isEqualTo(acmeBefore).doesNotContain("#c2185b");
                assertThat(css(visitor, "reseller.acme.localhost")).isEqualTo(brightBefore).doesNotContain("#c2185b");
                visitor.open("cloudy.acme.localhost", "/");
                visitor.screenshot("channel-cloudy-recoloured");
            } finally {
                reseller.open("cloudy.acme.localhost", "/backoffice/theme.xhtml");
                reseller.script("document.getElementById('theme:primary').value = '#00796b';");
                reseller.clickAndWait("#theme\\:save");
            }
        }
    }

    @Test
    void aResellerAddsABannerWithAPictureAndThePictureFollowsItsBanner() {
        Http api = Http.host("cloudy.acme.localhost");
        String token = api.token("reseller2@acme.test", "demo");
        String original = api.get("/api/v1/storefronts/mine", Http.bearer(token)).body();
        try (Browser reseller = new Browser(); Browser visitor = new Browser()) {
            reseller.open("cloudy.acme.localhost", "/backoffice/theme.xhtml");
            reseller.type("#login\\:email", "reseller2@acme.test");
            reseller.type("#login\\:password", "demo");
            reseller.clickAndWait("#login\\:submit");

            reseller.clickAndWait("#theme\\:addBanner");
            reseller.type("#bannerRow2 .cm-banner-title", "Backups that just work");
            reseller.type("#bannerRow2 .cm-banner-link", "/catalog.xhtml?q=backup");
            reseller.find("#bannerRow2 .cm-banner-picture")
                    .sendKeys(Path.of("../ejb/src/main/resources/demo/logos/cloudy.png").toAbsolutePath().normalize().toString());
            reseller.clickAndWait("#theme\\:save");
            assertThat(reseller.find("#theme\\:messages").getText()).contains("Saved");
            assertThat(reseller.has("#bannerRow2 .cm-banner-thumb")).isTrue();

            visitor.open("cloudy.acme.localhost", "/");
            assertThat(visitor.find("#banner2").getText()).contains("Backups that just work");
            assertThat(visitor.find("#banner2").getAttribute("href")).endsWith("/catalog.xhtml?q=backup");
            assertThat(pictureWidth(visitor, "#banner2 img")).isPositive();
            assertThat(visitor.has("#banner1 img")).isFalse();
            visitor.screenshot("channel-cloudy-banners");

            // the first banner goes: the second moves up and takes its picture with it
            reseller.clickAndWait("#bannerRow1 .cm-banner-remove");
            reseller.clickAndWait("#theme\\:save");
            assertThat(reseller.find("#theme\\:messages").getText()).contains("Saved");
            visitor.open("cloudy.acme.localhost", "/");
            assertThat(visitor.find("#banner1").getText()).contains("Backups that just work");
            assertThat(pictureWidth(visitor, "#banner1 img")).isPositive();
            assertThat(visitor.has("#banner2")).isFalse();
        } finally {
            api.putJson("/api/v1/storefronts/mine", ChannelApiIT.storefrontBody(Http.json(original)), Http.bearer(token));
            api.delete("/api/v1/storefronts/mine/banners/1/image", Http.bearer(token));
        }
    }

    private static long pictureWidth(Browser browser, String css) {
        return Long.parseLong(browser.find(css).getAttribute("naturalWidth"));
    }

    @Test
    void aResellerSeesItsOwnListsAndWhatItPaysAndCreatesAList() {
        try (Browser reseller = new Browser()) {
            reseller.open("cloudy.acme.localhost", "/backoffice/price-lists.xhtml");
            reseller.type("#login\\:email", "reseller2@acme.test");
            reseller.type("#login\\:password", "demo");
            reseller.clickAndWait("#login\\:submit");

            assertThat(reseller.find("#lists\\:table").getText()).contains("Cloudy retail").doesNotContain("Bright", "Alpine", "wholesale");
            assertThat(reseller.find("#lists\\:costs").getText()).contains("Nimbus Mail Pro", "€6.72");
            String name = "Cloudy promo " + Unique.suffix();
            reseller.type("#lists\\:newName", name);
            reseller.type("#lists\\:newMarkup", "40");
            reseller.find("#lists\\:create").click();
            reseller.waitForText("#lists\\:messages", name + ": created.");
            assertThat(reseller.find("#lists\\:table").getText()).contains(name, "40 %");
            reseller.screenshot("channel-price-lists");
        }
    }

    private static String css(Browser browser, String host) {
        browser.open(host, "/branding.css");
        return browser.text();
    }
}
