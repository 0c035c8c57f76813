package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The walk-through in a real headless Chromium: a vendor onboards a product with two plans,
 * one with a tiered extra resource, and submits it, the admin approves it, the vendor publishes it, and a visitor
 * finds it in the storefront search and prices it with the calculator.
 */
class CatalogBrowserIT extends EarIT {

    @Test
    void aVendorsNewProductIsApprovedFoundAndPriced() {
        String name = "Nimbus Beacon " + UUID.randomUUID().toString().substring(0, 6);
        try (Browser vendor = new Browser(); Browser admin = new Browser(); Browser visitor = new Browser()) {
            signIn(vendor, "vendor@acme.test", "/backoffice/products.xhtml");
            toExtraResource(vendor, name, "Beacons that tell you where your servers are", "7", "beacons", "Beacons", "beacons");
            vendor.retype("#wizardForm\\:sample", "5");
            vendor.waitForText("#wizardForm\\:preview", "5 units cost 25.00 EUR");
            vendor.retype("#wizardForm\\:sample", "15");
            vendor.waitForText("#wizardForm\\:preview", "15 units cost 63.00 EUR");
            vendor.screenshot("catalog-1-tier-editor");
            vendor.find(".ui-wizard-nav-next").click();
            vendor.waitForText("#reviewName", name);
            vendor.find("#wizardForm\\:anotherPlan").click();
            vendor.find("#wizardForm\\:planName");
            vendor.retype("#wizardForm\\:planName", "Premium");
            vendor.retype("#wizardForm\\:license_input", "19");
            vendor.find(".ui-wizard-nav-next").click();
            vendor.find("#wizardForm\\:withExtra");
            vendor.find(".ui-wizard-nav-next").click();
            assertThat(vendor.waitForText("#wizardForm\\:reviewPlans", "Premium").getText()).contains("Standard", "Beacons");
            vendor.clickAndWait("#wizardForm\\:saveSubmit");
            assertThat(vendor.waitForText("#products\\:messages", name + " is saved as SUBMITTED").getText()).isNotEmpty();

            signIn(admin, "admin@acme.test", "/backoffice/approvals.xhtml");
            admin.screenshot("catalog-2-approval-queue");
            admin.find("button.approve[title='" + name + "']").click();
            admin.waitForText("#approvals\\:messages", name + " is APPROVED");

            vendor.open("acme.localhost", "/backoffice/products.xhtml");
            vendor.find("button.publish[title='" + name + "']").click();
            vendor.waitForText("#products\\:messages", name + " is now PUBLISHED");

            visitor.open("acme.localhost", "/catalog.xhtml?q=" + name.replace(' ', '+'));
            assertThat(visitor.find("#resultCount").getText()).isEqualTo("1 product");
            visitor.screenshot("catalog-3-search");
            visitor.clickAndWait(".cm-product-name a");
            assertThat(visitor.find("#productName").getText()).isEqualTo(name);
            assertThat(visitor.find("#plans").getText()).contains("Standard", "Premium");
            visitor.retype("[data-extra='beacons']", "15");
            // 7.00 license + 9 x 5.00 + 6 x 3.00 for the beacons
            visitor.waitForText("#calcTotal", "70.00");
            assertThat(visitor.find("#calcLines").getText()).contains("Beacons, 15 beacons (tiered)");
            visitor.screenshot("catalog-4-price-calculator");
        }
    }

    @Test
    void theCatalogFiltersAndPagesAndSpeaksTheStorefrontsLanguage() {
        try (Browser visitor = new Browser()) {
            visitor.open("acme.localhost", "/catalog.xhtml");
            assertThat(visitor.has(".cm-pages a")).as("more than one page").isTrue();
            visitor.screenshot("catalog-acme");

            visitor.open("acme.localhost", "/catalog.xhtml?category=sales");
            assertThat(visitor.find("#products").getText()).contains("Orbit CRM").doesNotContain("Nimbus");

            visitor.open("acme.localhost", "/catalog.xhtml?maxPrice=abc");
            assertThat(visitor.find("#noResults").isDisplayed()).isTrue();
            assertThat(visitor.text()).contains("'abc' is not a number");

            visitor.open("reseller.acme.localhost", "/catalog.xhtml?q=backup");
            assertThat(visitor.find("#resultCount").getText()).isEqualTo("1 prodotto");
            assertThat(visitor.text()).contains("Catalogo", "Prova gratuita di 14 giorni");

            visitor.open("globex.localhost", "/catalog.xhtml");
            assertThat(visitor.find("#products").getText()).contains("Hooli Backup").doesNotContain("Nimbus");
            visitor.screenshot("catalog-globex");
        }
    }

    /** The wizard from the vendor's product list to its extra resource step, with the product, its plan and the resource named. */
    static void toExtraResource(Browser vendor, String name, String summary, String license, String code, String resource, String unit) {
        vendor.clickAndWait("#products\\:newProduct");
        vendor.type("#wizardForm\\:name", name);
        vendor.type("#wizardForm\\:summary", summary);
        vendor.find(".ui-wizard-nav-next").click();
        vendor.find("#wizardForm\\:planName");
        vendor.retype("#wizardForm\\:license_input", license);
        vendor.find(".ui-wizard-nav-next").click();
        vendor.find("#wizardForm\\:withExtra .ui-chkbox-box").click();
        vendor.type("#wizardForm\\:extraCode", code);
        vendor.type("#wizardForm\\:extraName", resource);
        vendor.type("#wizardForm\\:extraUnit", unit);
    }

    static void signIn(Browser browser, String email, String path) {
        browser.open("acme.localhost", path);
        browser.type("#login\\:email", email);
        browser.type("#login\\:password", "demo");
        browser.clickAndWait("#login\\:submit");
        assertThat(browser.currentPath()).isEqualTo(path);
    }
}
