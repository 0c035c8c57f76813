package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/**
 * Issue 13, the back-office "Billing runs" page in Chromium, on the server's moved clock (as BillingRunsIT, whose
 * snapshot and restore this walk reuses): acme's admin is refused a future instant, starts a run, sees it running at
 * 0 of its subscriptions (its writes wait on the test's row locks on acme's subscriptions, as on a slow database),
 * stops it, sees it STOPPED, restarts it and sees the bar reach COMPLETED. A reseller and a vendor are refused the
 * page (403); globex's admin sees none of acme's runs.
 */
class BillingRunsBrowserIT extends EarIT {

    private static final String PAGE = "/backoffice/billing-runs.xhtml";
    private static final Duration RUN = Duration.ofSeconds(90);

    private Browser browser;

    @BeforeAll
    static void snapshot() {
        BillingRunsIT.snapshot();
    }

    /** The clock back and everything the runs wrote removed, as after BillingRunsIT. */
    @AfterAll
    static void restore() {
        BillingRunsIT.restore();
    }

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
    void financeStartsStopsAndRestartsARunWatchingItsProgressAndNoOtherRoleOrTenantSeesIt() throws Exception {
        Http acme = Http.host("acme.localhost");
        for (String other : List.of("reseller@acme.test", "vendor@acme.test")) {
            Http host = Http.host("acme.localhost"); // a client of its own: a new session each
            String session = "JSESSIONID=" + WebSessionIT.signIn(host, other, "demo", true);
            assertThat(host.get(PAGE, "Cookie", session).statusCode()).as(other).isEqualTo(403);
        }

        long acmeId = BillingRunsIT.tenant("acme");
        // a day after the latest end of a first period of acme's billable subscriptions: their next periods are due
        Instant at = Instant.parse(TestDatabase.query("SELECT DATE_FORMAT(MAX(period_end), '%Y-%m-%dT%H:%i:%sZ') FROM subscription"
                + " WHERE tenant_id = ? AND type = 'NORMAL' AND deployment_status IN ('DEPLOYED', 'STOPPED') AND id IN ("
                + String.join(",", TestDatabase.query("SELECT id FROM subscription WHERE tenant_id = ? ORDER BY id LIMIT 8", acmeId))
                + ")", acmeId).get(0)).plus(Duration.ofDays(1));
        Duration offset = Duration.between(Instant.now(), at).plus(Duration.ofMinutes(1));
        List<String> pinnedTrials = TestDatabase.query("SELECT id FROM subscription WHERE type = 'TRIAL' AND trial_ends_at IS NOT NULL");
        List<String> pinnedInvoices = TestDatabase.query("SELECT id FROM invoice WHERE kind = 'INVOICE' AND status = 'UNPAID'");
        BillingRunsIT.pin(pinnedTrials, pinnedInvoices, offset.toSeconds());
        try {
            ServerClock.move(offset);
            signIn("acme.localhost", "admin@acme.test");
            browser.open("acme.localhost", PAGE);
            assertThat(browser.currentPath()).isEqualTo(PAGE);
            assertThat(browser.find("#billingRunsLink").getAttribute("href")).as("the back-office nav").endsWith(PAGE);

            browser.retype("#start\\:at", at.plus(Duration.ofDays(2)).toString());
            browser.clickAndWait("#start\\:startRun");
            assertThat(browser.find("#messages").getText()).as("a future instant").contains("at is now or earlier");
            browser.retype("#start\\:at", "tomorrow");
            browser.clickAndWait("#start\\:startRun");
            assertThat(browser.find("#messages").getText()).contains("an instant like 2026-12-01T00:00:00Z is expected");
            long before = latestRun(acmeId);

            long run;
            String firstLabel;
            try (Connection locks = TestDatabase.connect()) {
                lockSubscriptions(locks, acmeId);
                browser.retype("#start\\:at", at.toString());
                browser.clickAndWait("#start\\:startRun");
                run = latestRun(acmeId);
                assertThat(run).as("the run started").isGreaterThan(before);
                assertThat(browser.find("#messages").getText()).contains("Billing run " + run + " started");

                // the poll shows it running, its subscriptions counted and none written yet
                Row running = await(run, row -> row.status.equals("STARTED") && row.total > 0);
                assertThat(running.done).as("nothing written while the rows are locked").isZero();
                firstLabel = running.label;
                browser.clickAndWait(".run-" + run + " .stop-run");
                assertThat(browser.find("#messages").getText()).contains("Billing run " + run + " is stopping");
                locks.rollback();
            }
            Row stopped = await(run, row -> row.status.equals("STOPPED"));
            assertThat(browser.has(".run-" + run + " .stop-run")).as("no stop for a stopped run").isFalse();
            assertThat(acme.post("/api/v1/billing-runs/" + run + "/stop", Http.bearer(acme.token("admin@acme.test", "demo"))).statusCode())
                    .as("a stopped run is not stopped again").isEqualTo(409);

            browser.clickAndWait(".run-" + run + " .restart-run");
            assertThat(browser.find("#messages").getText()).contains("Billing run " + run + " restarted");
            Row completed = await(run, row -> row.status.equals("COMPLETED"));
            assertThat(completed.done).as("the restart went on: %s after %s", completed, stopped).isPositive();
            assertThat(completed.label).as("the bar moved from %s", firstLabel).isNotEqualTo(firstLabel);
            assertThat(browser.has(".run-" + run + " .restart-run")).isFalse();
            assertThat(TestDatabase.query("SELECT COUNT(*) FROM proceed WHERE billing_run_id = ?", run).get(0)).isNotEqualTo("0");
            browser.screenshot("billing-runs");

            signIn("globex.localhost", "admin@globex.test");
            browser.open("globex.localhost", PAGE);
            assertThat(browser.find("#runsForm\\:runs").isDisplayed()).isTrue();
            assertThat(browser.has(".run-" + run)).as("acme's run on globex's page").isFalse();
        } finally {
            ServerClock.reset();
            BillingRunsIT.pin(pinnedTrials, pinnedInvoices, -offset.toSeconds());
        }
    }

    /** A run's row as the page shows it. */
    private record Row(String status, int done, int total, String label) {
    }

    /** The row once the page's poll shows it as the condition wants (a poll may replace it while read: read again). */
    private Row await(long run, java.util.function.Predicate<Row> condition) {
        return Eventually.find("billing run " + run + " on the page as expected", RUN, () -> {
            try {
                WebElement items = browser.find(".run-" + run + " .run-items");
                Row row = new Row(browser.find(".run-" + run + " .run-status").getAttribute("data-status"),
                        Integer.parseInt(items.getAttribute("data-done")), Integer.parseInt(items.getAttribute("data-total")),
                        browser.find(".run-" + run + " .ui-progressbar").getText());
                return condition.test(row) ? Optional.of(row) : Optional.empty();
            } catch (StaleElementReferenceException replaced) {
                return Optional.empty();
            }
        });
    }

    /**
     * Holds acme's subscription rows locked in an open transaction: the run's writes (proceeds and orders point at their
     * subscription) wait until it ends, so the run is seen running, as on a slow database, and is stopped meanwhile.
     */
    private static void lockSubscriptions(Connection connection, long tenantId) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement statement = connection.prepareStatement("SELECT id FROM subscription WHERE tenant_id = ? FOR UPDATE")) {
            statement.setLong(1, tenantId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    rows.getLong(1);
                }
            }
        }
    }

    private static long latestRun(long tenantId) {
        return Long.parseLong(TestDatabase.query("SELECT COALESCE(MAX(id), 0) FROM billing_run WHERE tenant_id = ?", tenantId).get(0));
    }

    private void signIn(String host, String email) {
        browser.open(host, "/login.xhtml");
        browser.type("#login\\:email", email);
        browser.type("#login\\:password", "demo");
        browser.clickAndWait("#login\\:submit");
    }
}
