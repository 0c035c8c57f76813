package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Signing in, impersonating and signing out through the pages, in a real headless Chromium. */
class BackOfficeBrowserIT extends EarIT {

    private Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = new Browser();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) { // none without chromium: Browser says so once
            browser.close();
        }
    }

    @Test
    void eachStorefrontRendersItsOwnNameThemeAndLanguage() {
        browser.open("acme.localhost", "/");
        assertThat(browser.find("#storefrontName").getText()).isEqualTo("Acme Cloud Marketplace");
        assertThat(browser.pageSource()).contains("primefaces-saga-blue");
        browser.screenshot("storefront-acme");

        browser.open("globex.localhost", "/");
        assertThat(browser.find("#storefrontName").getText()).isEqualTo("Globex Exchange");
        assertThat(browser.pageSource()).contains("primefaces-vela-blue");
        browser.screenshot("storefront-globex");

        browser.open("reseller.acme.localhost", "/");
        assertThat(browser.find("#storefrontName").getText()).isEqualTo("Bright Cloud Store");
        assertThat(browser.text()).contains("Accedi");
        browser.screenshot("storefront-acme-reseller");
    }

    @Test
    void theBackOfficeAsksForASignInFirstAndThenReturnsToThePageAsked() {
        browser.open("acme.localhost", "/backoffice/index.xhtml");
        assertThat(browser.currentPath()).isEqualTo("/login.xhtml");

        browser.type("#login\\:email", "admin@acme.test");
        browser.type("#login\\:password", "demo");
        browser.clickAndWait("#login\\:submit");

        assertThat(browser.currentPath()).isEqualTo("/backoffice/index.xhtml");
        assertThat(browser.find("#welcome").getText()).isEqualTo("Welcome, Ada Admin");
    }

    @Test
    void aWrongPasswordStaysOnTheLoginPageWithAClearMessage() {
        signIn("acme.localhost", "admin@acme.test", "wrong");

        assertThat(browser.currentPath()).isEqualTo("/login.xhtml");
        assertThat(browser.find("#login\\:messages").getText()).contains("Invalid email or password");
    }

    @Test
    void anAdminActsAsACustomerAndComesBack() {
        signIn("acme.localhost", "admin@acme.test", "demo");
        assertThat(browser.find("#welcome").getText()).isEqualTo("Welcome, Ada Admin");
        browser.screenshot("backoffice-acme-admin");

        browser.clickAndWait("button.act-as[title='customer@acme.test']");
        assertThat(browser.find("#welcome").getText()).isEqualTo("Welcome, Carlo Customer");
        assertThat(browser.find("#session\\:impersonationBanner").getText()).contains("customer@acme.test");
        assertThat(browser.has("#session\\:users")).isFalse();
        browser.screenshot("backoffice-acting-as-customer");

        browser.clickAndWait("#session\\:stopActing");
        assertThat(browser.find("#welcome").getText()).isEqualTo("Welcome, Ada Admin");
        String newest = browser.find("#session\\:audit tbody tr:nth-child(1)").getText();
        String before = browser.find("#session\\:audit tbody tr:nth-child(2)").getText();
        assertThat(newest).contains("IMPERSONATION_ENDED", "admin@acme.test", "customer@acme.test", "127.0.0.1", "WEB");
        assertThat(before).contains("IMPERSONATION_STARTED", "admin@acme.test", "customer@acme.test", "127.0.0.1", "WEB");
    }

    @Test
    void aSupervisorIsOfferedOnlyUsersBelowIt() {
        signIn("acme.localhost", "supervisor@acme.test", "demo");

        String users = browser.find("#session\\:users").getText();
        assertThat(users).contains("customer@acme.test", "reseller@acme.test").doesNotContain("admin@acme.test");
    }

    @Test
    void signingOutEndsTheSession() {
        signIn("reseller.acme.localhost", "customer@acme.test", "demo"); // Rossi's store, in Italian
        assertThat(browser.find("#welcome").getText()).isEqualTo("Benvenuto, Carlo Customer");

        browser.clickAndWait("#session\\:signOut");
        browser.open("reseller.acme.localhost", "/backoffice/");

        assertThat(browser.currentPath()).isEqualTo("/login.xhtml");
    }

    @Test
    void theStorefrontHeaderSignsOutToo() {
        signIn("reseller.acme.localhost", "reseller@acme.test", "demo");
        browser.open("reseller.acme.localhost", "/");

        browser.clickAndWait("#nav\\:signOut");

        assertThat(browser.currentPath()).isEqualTo("/");
        assertThat(browser.has("#nav\\:signInLink")).isTrue();
        browser.open("reseller.acme.localhost", "/backoffice/");
        assertThat(browser.currentPath()).isEqualTo("/login.xhtml");
    }

    private void signIn(String host, String email, String password) {
        browser.open(host, "/login.xhtml");
        browser.type("#login\\:email", email);
        browser.type("#login\\:password", password);
        browser.clickAndWait("#login\\:submit");
    }
}
