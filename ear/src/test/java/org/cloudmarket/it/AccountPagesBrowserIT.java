package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The users, API keys and password pages in a real headless Chromium, by the page ids the contract names. */
class AccountPagesBrowserIT extends EarIT {

    private Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = new Browser();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theAdminInvitesASupervisorWhoSetsAPasswordFromTheMailAndSignsIn() {
        String email = Accounts.uniqueEmail("walk");
        signIn("admin@acme.test", "demo");
        browser.open("acme.localhost", "/backoffice/users.xhtml");
        browser.type("#invite\\:email", email);
        browser.type("#invite\\:displayName", "Walk Supervisor");
        browser.script("document.getElementById('invite:role').value = 'SUPERVISOR';");
        browser.clickAndWait("#invite\\:submit");
        assertThat(browser.find("#users").getText()).contains(email);
        browser.screenshot("backoffice-users");
        browser.open("acme.localhost", "/backoffice/api-keys.xhtml");
        browser.screenshot("backoffice-api-keys");
        browser.clickAndWait("#nav\\:signOut");

        URI link = URI.create(MailCatcher.await(email, Duration.ofSeconds(30)).link("/set-password.xhtml?token="));
        browser.open("acme.localhost", link.getRawPath() + "?" + link.getRawQuery());
        browser.screenshot("set-password");
        browser.type("#password\\:password", "walked through the pages");
        browser.clickAndWait("#password\\:submit");
        assertThat(browser.has("#password-set")).isTrue();

        signIn(email, "walked through the pages");
        assertThat(browser.currentPath()).startsWith("/backoffice/");
        assertThat(browser.text()).contains("Walk Supervisor");
    }

    @Test
    void theForgotPasswordPageIsLinkedFromTheLoginPage() {
        browser.open("acme.localhost", "/login.xhtml");
        browser.clickAndWait("#forgot-password-link");
        assertThat(browser.currentPath()).isEqualTo("/forgot-password.xhtml");
        browser.type("#forgot\\:email", "nobody-" + Unique.suffix() + "@acme.test");
        browser.clickAndWait("#forgot\\:submit");
        assertThat(browser.has("#reset-sent")).isTrue();
        browser.screenshot("forgot-password-sent");
    }

    private void signIn(String email, String password) {
        browser.open("acme.localhost", "/login.xhtml");
        browser.type("#login\\:email", email);
        browser.type("#login\\:password", password);
        browser.clickAndWait("#login\\:submit");
    }
}
