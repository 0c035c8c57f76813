package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloudmarket.it.AcmeLifecycle.buyAndPay;
import static org.cloudmarket.it.AcmeLifecycle.completed;
import static org.cloudmarket.it.AcmeLifecycle.pay;
import static org.cloudmarket.it.AcmeLifecycle.run;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.cloudmarket.it.AcmeLifecycle.Bought;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, LIFE: the lifecycle-run job, started by acme's ADMIN through POST /api/v1/lifecycle-runs at the real
 * current time, on subscriptions of fresh customers bought and paid through the API; only their dates (and, for the
 * renewal, the order's type) are moved with SQL to where a rule falls due. Nothing of the demo's own data is changed
 * (a run does look at every acme subscription: the demo's have no invoice past due and renew by themselves). The renewal
 * invoices its manual renewals get stay with their fresh customers.
 * Defaults: billing.sleepDays 2, billing.delayDays 3, reminders 14/10/7/4/3/2/1 days before a manual renewal's end.
 */
class LifecycleRunIT extends EarIT {

    private static final ZoneId ACME_ZONE = AcmeLifecycle.ACME_ZONE;
    private static final Duration WAIT = AcmeLifecycle.WAIT;

    private final Http acme = Http.host("acme.localhost");

    @Test
    void anOverdueInvoiceIsRemindedOnceADayThenItsSubscriptionIsStoppedAndPayingResumesIt() {
        Bought bought = buyAndPay("Dunned");
        // overdue by a day: a reminder, whatever the number of runs
        unpay(bought.invoiceId(), Duration.ofDays(1).plusHours(1));
        Instant at = now();
        completed(run(at));
        completed(run(at));
        String number = one("SELECT number FROM invoice WHERE id = ?", bought.invoiceId());
        CaughtMail reminder = MailCatcher.awaitMails(bought.buyer().email(), mail -> mail.subject().contains("Reminder: invoice " + number), 1, WAIT)
                .get(0);
        assertThat(reminder.text()).contains(number).contains("still unpaid");
        assertThat(one("SELECT COUNT(*) FROM lifecycle_notice WHERE kind = 'PAYMENT_REMINDER' AND subject_id = ?", bought.invoiceId()))
                .as("one notice a day").isEqualTo("1");
        awaitDelivered(bought.buyer().email());
        assertThat(MailCatcher.received(bought.buyer().email())).filteredOn(mail -> mail.subject().contains("Reminder: invoice"))
                .as("two runs, one reminder").hasSize(1);
        assertThat(status(bought.subscriptionId())).isEqualTo("DEPLOYED -");

        // past sleepDays (2): STOPPED for UNPAID, with its changelog line and the suspension notice
        dueAgo(bought.invoiceId(), Duration.ofDays(2).plusHours(1));
        completed(run(now()));
        assertThat(status(bought.subscriptionId())).isEqualTo("STOPPED UNPAID");
        assertThat(TestDatabase.query("SELECT CONCAT(from_value, ' -> ', to_value, ': ', reason) FROM subscription_change"
                + " WHERE subscription_id = ? AND what = 'STATUS' ORDER BY id DESC LIMIT 1", bought.subscriptionId()))
                .singleElement().asString().startsWith("DEPLOYED -> STOPPED UNPAID: Invoice " + number + " unpaid 2 days")
                .contains("billing.sleepDays");
        MailCatcher.awaitMails(bought.buyer().email(), mail -> mail.subject().contains("is suspended: invoice " + number), 1, WAIT);

        // paid: the suspension is lifted at once
        HttpResponse<String> paid = pay(bought.invoiceId(), "LIFE-" + bought.invoiceId());
        assertThat(paid.statusCode()).as("%s", paid.body()).isEqualTo(200);
        assertThat(status(bought.subscriptionId())).isEqualTo("DEPLOYED -");
        completed(run(now()));
        assertThat(status(bought.subscriptionId())).as("and stays so").isEqualTo("DEPLOYED -");
    }

    @Test
    void pastDelayDaysTheSubscriptionEndsThroughItsUndeploy() {
        Bought bought = buyAndPay("Ended");
        unpay(bought.invoiceId(), Duration.ofDays(3).plusHours(1));
        completed(run(now()));

        assertThat(status(bought.subscriptionId())).as("UNDEPLOY_SENT, then unprovisioned by the platform").isEqualTo("UNDEPLOYED -");
        List<String> changes = TestDatabase.query("SELECT CONCAT(from_value, ' -> ', to_value, ': ', reason) FROM subscription_change"
                + " WHERE subscription_id = ? AND what = 'STATUS' ORDER BY id", bought.subscriptionId());
        String number = one("SELECT number FROM invoice WHERE id = ?", bought.invoiceId());
        assertThat(changes).contains("DEPLOYED -> UNDEPLOY_SENT: Invoice " + number + " unpaid 3 days after its due date "
                + dueDay(bought.invoiceId()) + " (billing.delayDays)");
        assertThat(changes.get(changes.size() - 1)).startsWith("UNDEPLOY_SENT -> UNDEPLOYED");
        MailCatcher.awaitMails(bought.buyer().email(), mail -> mail.subject().contains("has ended"), 1, WAIT);
        assertThat(one("SELECT status FROM invoice WHERE id = ?", bought.invoiceId())).as("still owed").isEqualTo("UNPAID");
    }

    @Test
    void aManualRenewalGetsItsRenewalInvoiceOnceAndIsRemindedOnItsDaysOnly() {
        Instant at = now();
        LocalDate today = at.atZone(ACME_ZONE).toLocalDate();
        Bought reminded = buyAndPay("Renewal");
        Bought notToday = buyAndPay("NotToday");
        // windows ending at midnight: 3 days left (a reminder day), 6 days left (none, but past the first reminder day, 14)
        endsAt(reminded.subscriptionId(), today.plusDays(3));
        endsAt(notToday.subscriptionId(), today.plusDays(6));
        completed(run(at));
        completed(run(at));

        for (Bought bought : List.of(reminded, notToday)) {
            assertThat(one("SELECT COUNT(*) FROM purchase_order o JOIN invoice i ON i.order_id = o.id WHERE o.subscription_id = ?"
                    + " AND o.type = 'RENEWAL' AND o.period_start = (SELECT ends_at FROM subscription WHERE id = ?) AND i.status = 'UNPAID'",
                    bought.subscriptionId(), bought.subscriptionId())).as("one renewal invoice to pay, after two runs").isEqualTo("1");
        }
        String number = one("SELECT i.number FROM purchase_order o JOIN invoice i ON i.order_id = o.id WHERE o.subscription_id = ?"
                + " AND o.type = 'RENEWAL'", reminded.subscriptionId());
        CaughtMail mail = MailCatcher.awaitMails(reminded.buyer().email(), caught -> caught.subject().contains("ends after"), 1, WAIT).get(0);
        assertThat(mail.text()).contains("does not renew by itself").contains("renewal invoice " + number);
        assertThat(one("SELECT COUNT(*) FROM lifecycle_notice WHERE kind = 'RENEWAL_REMINDER' AND subject_id = ?", reminded.subscriptionId()))
                .isEqualTo("1");
        assertThat(one("SELECT COUNT(*) FROM lifecycle_notice WHERE kind = 'RENEWAL_REMINDER' AND subject_id = ?", notToday.subscriptionId()))
                .as("6 days before is no reminder day").isEqualTo("0");
        awaitDelivered(reminded.buyer().email());
        assertThat(MailCatcher.received(reminded.buyer().email())).filteredOn(caught -> caught.subject().contains("ends after")).hasSize(1);
        assertThat(MailCatcher.received(notToday.buyer().email())).filteredOn(caught -> caught.subject().contains("ends after")).isEmpty();
        // the lapse and the renewal once paid: ManualRenewalIT
    }

    /**
     * Review 13, point 19: an invoice whose SEPA debit was pending for 2 days and then failed keeps those 2 days
     * (invoice.paused_seconds): due 3 days ago, it counts 1 day overdue, a reminder, not an end after delayDays (3).
     */
    @Test
    void theDaysAFailedPaymentPausedTheCountAreKept() {
        Bought bought = buyAndPay("Paused");
        unpay(bought.invoiceId(), Duration.ofDays(3).plusHours(1));
        TestDatabase.update("UPDATE invoice SET paused_seconds = ? WHERE id = ?", Duration.ofDays(2).toSeconds(), bought.invoiceId());
        completed(run(now()));

        assertThat(status(bought.subscriptionId())).as("1 day and an hour counted: not yet sleepDays (2)").isEqualTo("DEPLOYED -");
        String number = one("SELECT number FROM invoice WHERE id = ?", bought.invoiceId());
        MailCatcher.awaitMails(bought.buyer().email(), mail -> mail.subject().contains("Reminder: invoice " + number), 1, WAIT);

        TestDatabase.update("UPDATE invoice SET paused_seconds = 0 WHERE id = ?", bought.invoiceId());
        completed(run(now()));
        assertThat(status(bought.subscriptionId())).as("without the pause: past delayDays").isEqualTo("UNDEPLOYED -");
    }

    @Test
    void onlyATenantsAdminStartsAndSeesItsOwnRunsForAnInstantUpToNow() {
        String admin = acme.token("admin@acme.test", "demo");
        assertProblem(acme.postJson("/api/v1/lifecycle-runs", "{\"at\":\"" + Instant.now().plus(1, ChronoUnit.HOURS) + "\"}",
                Http.bearer(admin)), 422, "at");
        assertProblem(acme.postJson("/api/v1/lifecycle-runs", "{\"at\":\"yesterday\"}", Http.bearer(admin)), 422, "at");
        for (String other : List.of("supervisor@acme.test", "customer@acme.test", "vendor@acme.test")) {
            Http host = other.startsWith("customer") ? Http.host("reseller.acme.localhost") : acme;
            assertThat(host.postJson("/api/v1/lifecycle-runs", "{}", Http.bearer(host.token(other, "demo"))).statusCode()).as(other).isEqualTo(403);
        }
        long acmeRun = completed(run(now()));

        Http globex = Http.host("globex.localhost");
        String globexAdmin = globex.token("admin@globex.test", "demo");
        assertThat(globex.get("/api/v1/lifecycle-runs/" + acmeRun, Http.bearer(globexAdmin)).statusCode()).as("acme's run").isEqualTo(404);
        HttpResponse<String> own = globex.postJson("/api/v1/lifecycle-runs", "{}", Http.bearer(globexAdmin));
        assertThat(own.statusCode()).as("%s", own.body()).isEqualTo(202);
        long globexRun = Http.json(own).get("id").asLong();
        assertThat(acme.get("/api/v1/lifecycle-runs/" + globexRun, Http.bearer(admin)).statusCode()).as("globex's run").isEqualTo(404);
        Eventually.holds("globex's run completed", WAIT, () -> "COMPLETED".equals(
                Http.json(globex.get("/api/v1/lifecycle-runs/" + globexRun, Http.bearer(globexAdmin))).get("status").asText()));
    }

    // --- fixtures ---

    /** The paid invoice stands for a later one left unpaid, due {@code ago}. */
    private static void unpay(long invoiceId, Duration ago) {
        TestDatabase.update("UPDATE invoice SET status = 'UNPAID', paid_at = NULL WHERE id = ?", invoiceId);
        dueAgo(invoiceId, ago);
    }

    private static void dueAgo(long invoiceId, Duration ago) {
        TestDatabase.update("UPDATE invoice SET due_at = UTC_TIMESTAMP(6) - INTERVAL ? MINUTE WHERE id = ?", ago.toMinutes(), invoiceId);
    }

    private static String dueDay(long invoiceId) {
        return Instant.parse(one("SELECT DATE_FORMAT(due_at, '%Y-%m-%dT%H:%i:%sZ') FROM invoice WHERE id = ?", invoiceId))
                .atZone(ACME_ZONE).toLocalDate().toString();
    }

    /** A manual renewal whose one-month window (and period) ends at the start of {@code day} in acme's zone. */
    private static void endsAt(long subscriptionId, LocalDate day) {
        Instant start = day.minusMonths(1).atStartOfDay(ACME_ZONE).toInstant();
        Instant end = day.atStartOfDay(ACME_ZONE).toInstant();
        TestDatabase.update("UPDATE subscription SET auto_renew = FALSE, anchor_at = ?, window_start = ?, period_start = ?, period_end = ?,"
                + " ends_at = ? WHERE id = ?", column(start), column(start), column(start), column(end), column(end), subscriptionId);
    }

    private static java.sql.Timestamp column(Instant instant) {
        return java.sql.Timestamp.valueOf(java.time.LocalDateTime.ofInstant(instant, java.time.ZoneOffset.UTC));
    }

    /** Every mail to the address left the outbox (an undelivered row still names it; a delivered one is blanked, hardening-mail). */
    private static void awaitDelivered(String email) {
        Eventually.holds("the outbox delivered " + email + "'s mail", WAIT, () -> one("SELECT COUNT(*) FROM outbox_message WHERE recipient = ?"
                + " AND delivered_at IS NULL", email).equals("0"));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    private static String status(long subscriptionId) {
        return one("SELECT CONCAT(deployment_status, ' ', COALESCE(stop_reason, '-')) FROM subscription WHERE id = ?", subscriptionId);
    }

    private static String one(String sql, Object... parameters) {
        return SubscriptionFixtures.one(sql, parameters);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as("%s", response.body()).isEqualTo(status);
        assertThat(response.body()).contains("\"" + field + "\"");
    }
}
