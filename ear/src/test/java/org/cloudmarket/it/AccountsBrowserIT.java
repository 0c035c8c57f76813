package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The accounts walk of the issue, in a real headless Chromium reading real mail (GreenMail): a
 * visitor becomes Cloudy's customer, verifies its address and signs in; Cloudy sees it and Bright
 * IT does not; a forgotten password is reset by mail; the admin invites a supervisor, who sets a
 * password and signs in; the platform operator opens the marketplace initech, which answers at
 * once. Screenshots under target/screenshots.
 */
class AccountsBrowserIT extends EarIT {

    private static final Duration MAIL = Duration.ofSeconds(30);

    @Test
    void aVisitorBecomesCloudysCustomerAndResetsAForgottenPassword() {
        String suffix = Unique.suffix();
        String email = "walk" + suffix + "@example.test";
        String company = "Walk Costruzioni " + suffix;
        try (Browser visitor = new Browser()) {
            visitor.open("cloudy.acme.localhost", "/login.xhtml");
            visitor.clickAndWait("#signup-link");
            visitor.select("#signup\\:kind", "COMPANY");
            visitor.type("#signup\\:name", company);
            visitor.type("#signup\\:email", email);
            visitor.type("#signup\\:password", "a long walk by the sea");
            visitor.type("#signup\\:address", "Via Roma 1");
            visitor.type("#signup\\:city", "Milano");
            visitor.type("#signup\\:postalCode", "20121");
            visitor.select("#signup\\:country", "IT");
            String vat = ItalianVat.of(suffix);
            visitor.type("#signup\\:vatNumber", vat);
            visitor.type("#signup\\:fiscalCode", vat);
            visitor.type("#signup\\:sdiCode", "M5UXCR1");
            visitor.find("#signup\\:acceptTerms").click();
            visitor.screenshot("accounts-signup-form");
            visitor.clickAndWait("#signup\\:submit");
            assertThat(visitor.find("#signup-done").isDisplayed()).isTrue();
            visitor.screenshot("accounts-signup-done");

            visitor.openUrl(MailCatcher.awaitLink(email, "/verify-email.xhtml", MAIL));
            visitor.clickAndWait("#verify\\:submit");
            assertThat(visitor.find("#verified").isDisplayed()).isTrue();

            signIn(visitor, "cloudy.acme.localhost", email, "a long walk by the sea");
            visitor.open("cloudy.acme.localhost", "/account/index.xhtml");
            assertThat(visitor.find("#billing\\:name").getAttribute("value")).isEqualTo(company);
            visitor.screenshot("accounts-customer-dashboard");
        }

        try (Browser cloudy = new Browser(); Browser bright = new Browser()) {
            signIn(cloudy, "cloudy.acme.localhost", "reseller2@acme.test", "demo");
            cloudy.open("cloudy.acme.localhost", "/backoffice/customers.xhtml");
            assertThat(cloudy.find("#customers").getText()).contains(company);
            cloudy.screenshot("accounts-cloudy-customers");

            signIn(bright, "reseller.acme.localhost", "reseller@acme.test", "demo");
            bright.open("reseller.acme.localhost", "/backoffice/customers.xhtml");
            assertThat(bright.find("#customers").getText()).doesNotContain(company).contains("Rossi Costruzioni");
        }

        try (Browser forgetful = new Browser()) {
            forgetful.open("cloudy.acme.localhost", "/login.xhtml");
            forgetful.clickAndWait("#forgot-password-link");
            forgetful.type("#forgot\\:email", email);
            forgetful.clickAndWait("#forgot\\:submit");
            assertThat(forgetful.find("#reset-sent").isDisplayed()).isTrue();

            forgetful.openUrl(MailCatcher.awaitLink(email, "/set-password.xhtml", MAIL));
            forgetful.type("#password\\:password", "a new walk in the hills");
            forgetful.clickAndWait("#password\\:submit");
            assertThat(forgetful.find("#password-set").isDisplayed()).isTrue();
            forgetful.screenshot("accounts-password-reset");

            signIn(forgetful, "cloudy.acme.localhost", email, "a new walk in the hills");
            forgetful.open("cloudy.acme.localhost", "/account/index.xhtml");
            assertThat(forgetful.find("#billing\\:name").getAttribute("value")).isEqualTo(company);
        }
    }

    @Test
    void theAdminInvitesASupervisorWhoSetsAPasswordAndSignsIn() {
        String email = "supervisor" + Unique.suffix() + "@acme.test";
        try (Browser admin = new Browser(); Browser invited = new Browser()) {
            signIn(admin, "acme.localhost", "admin@acme.test", "demo");
            admin.open("acme.localhost", "/backoffice/users.xhtml");
            admin.type("#invite\\:email", email);
            admin.type("#invite\\:displayName", "Susi Supervisor");
            admin.select("#invite\\:role", "SUPERVISOR");
            admin.clickAndWait("#invite\\:submit");
            admin.waitForText("#users", email);
            admin.screenshot("accounts-users");

            invited.openUrl(MailCatcher.awaitLink(email, "/set-password.xhtml", MAIL));
            invited.type("#password\\:password", "supervising all day long");
            invited.clickAndWait("#password\\:submit");
            assertThat(invited.find("#password-set").isDisplayed()).isTrue();
            signIn(invited, "acme.localhost", email, "supervising all day long");
            invited.open("acme.localhost", "/backoffice/customers.xhtml");
            assertThat(invited.find("#customers").getText()).contains("Rossi Costruzioni");
            invited.screenshot("accounts-supervisor-signed-in");
        }
    }

    @Test
    void theSuperAdminOpensTheMarketplaceInitech() {
        TestDatabase.deleteTenant("initech");
        try (Browser operator = new Browser(); Browser visitor = new Browser()) {
            signIn(operator, "platform.localhost", "superadmin@platform.test", "demo");
            operator.open("platform.localhost", "/backoffice/tenants.xhtml");
            operator.type("#tenant\\:slug", "initech");
            operator.type("#tenant\\:name", "Initech Software Store");
            operator.select("#tenant\\:currency", "USD");
            operator.select("#tenant\\:timeZone", "America/Chicago");
            operator.select("#tenant\\:locale", "en");
            operator.type("#tenant\\:adminEmail", "bill.lumbergh@initech.test");
            operator.clickAndWait("#tenant\\:submit");
            assertThat(operator.waitForText("#tenants", "initech").getText()).contains("Initech Software Store");
            operator.screenshot("accounts-platform-tenants");

            visitor.open("initech.localhost", "/");
            assertThat(visitor.text()).contains("Initech Software Store");
            visitor.screenshot("accounts-initech-storefront");
            assertThat(MailCatcher.awaitLink("bill.lumbergh@initech.test", "/set-password.xhtml", MAIL))
                    .startsWith("http://initech.localhost:8080/");
        }
    }

    private static void signIn(Browser browser, String host, String email, String password) {
        browser.open(host, "/login.xhtml");
        browser.type("#login\\:email", email);
        browser.type("#login\\:password", password);
        browser.clickAndWait("#login\\:submit");
        assertThat(browser.currentPath()).as("signed in as %s on %s", email, host).doesNotEndWith("/login.xhtml");
    }

    /** A well-formed Italian partita IVA, unique per run: seven digits, an office (015), the check digit. */
    static final class ItalianVat {

        static String of(String suffix) {
            String digits = String.format("%07d", Math.floorMod(suffix.hashCode(), 10_000_000)) + "015";
            int sum = 0;
            for (int i = 0; i < digits.length(); i++) {
                int digit = digits.charAt(i) - '0';
                sum += i % 2 == 0 ? digit : (digit * 2 > 9 ? digit * 2 - 9 : digit * 2);
            }
            return digits + (10 - sum % 10) % 10;
        }
    }
}
