package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloudmarket.it.AcmeLifecycle.admin;
import static org.cloudmarket.it.AcmeLifecycle.buyAndPay;
import static org.cloudmarket.it.AcmeLifecycle.completed;
import static org.cloudmarket.it.AcmeLifecycle.pay;
import static org.cloudmarket.it.AcmeLifecycle.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.cloudmarket.it.AcmeLifecycle.Bought;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Review 13, point 13: a manual renewal (auto-renew off) gets its renewal invoice with its reminders (DOMAIN, Renewal), and
 * paying it renews the window; unpaid, the window lapses and that invoice is credited. Acme's lifecycle and billing runs
 * at real instants (the reminder day 3 days before an end that is yesterday, then now); a fresh customer's Nimbus Mail
 * Basic bought and paid through the API, whose window is set by SQL to have ended yesterday at midnight (acme's zone),
 * one month after its anchor. What the runs wrote is removed again and the demo's subscriptions restored (BillingRunRows).
 */
class ManualRenewalIT extends EarIT {

    private static final ZoneId ACME_ZONE = AcmeLifecycle.ACME_ZONE;
    private static final Duration WAIT = AcmeLifecycle.WAIT;

    private static BillingRunRows rows;

    private final Http acme = Http.host("acme.localhost");

    @BeforeAll
    static void snapshot() {
        rows = BillingRunRows.take("manual_renewal");
    }

    /** Also what BillingRunRows does not know: the payments of the invoices since, and the credit notes' references. */
    @AfterAll
    static void restore() {
        long invoice = rows.maxId("invoice");
        TestDatabase.update("DELETE FROM payment WHERE invoice_id > ?", invoice);
        TestDatabase.update("UPDATE invoice SET credits_invoice_id = NULL WHERE id > ?", invoice);
        rows.restore();
    }

    @Test
    void aPaidRenewalInvoiceRenewsTheWindowAtItsEndOnTheInvoicedPrices() {
        Bought bought = buyAndPay("Renews");
        Window window = endedYesterday(bought.subscriptionId());
        Instant reminderDay = window.endsAt().minus(Duration.ofDays(3));
        completed(run(reminderDay));
        completed(run(reminderDay));

        Renewal renewal = renewal(bought.subscriptionId(), window.endsAt());
        assertThat(one("SELECT COUNT(*) FROM purchase_order WHERE subscription_id = ? AND type = 'RENEWAL'", bought.subscriptionId()))
                .as("one renewal order, whatever the number of runs").isEqualTo("1");
        assertThat(one("SELECT COUNT(*) FROM invoice WHERE order_id = ?", renewal.orderId())).as("and one invoice").isEqualTo("1");
        assertThat(instant(one("SELECT due_at FROM invoice WHERE id = ?", renewal.invoiceId()))).as("due at the new window's start")
                .isEqualTo(window.endsAt());
        assertThat(one("SELECT status FROM invoice WHERE id = ?", renewal.invoiceId())).isEqualTo("UNPAID");
        assertThat(TestDatabase.query("SELECT CONCAT(kind, ' ', DATE_FORMAT(period_start, '%Y-%m-%dT%H:%i:%sZ')) FROM proceed WHERE order_id = ?",
                renewal.orderId())).as("the next window's first license").contains("LICENSE " + window.endsAt());
        CaughtMail reminder = MailCatcher.awaitMails(bought.buyer().email(), mail -> mail.subject().contains("ends after"), 1, WAIT).get(0);
        assertThat(reminder.text()).as("the reminder names the invoice to pay").contains(renewal.number()).contains("renews for another term");

        HttpResponse<String> paid = pay(renewal.invoiceId(), "RENEWAL-" + renewal.invoiceId());
        assertThat(paid.statusCode()).as("%s", paid.body()).isEqualTo(200);
        completed(run(now()));
        assertThat(one("SELECT deployment_status FROM subscription WHERE id = ?", bought.subscriptionId()))
                .as("paid: not lapsed, the billing run renews it").isEqualTo("DEPLOYED");

        billingRun();
        assertThat(instant(one("SELECT window_start FROM subscription WHERE id = ?", bought.subscriptionId()))).isEqualTo(window.endsAt());
        assertThat(instant(one("SELECT ends_at FROM subscription WHERE id = ?", bought.subscriptionId()))).as("another month")
                .isEqualTo(window.anchorDay().plusMonths(2).atStartOfDay(ACME_ZONE).toInstant());
        assertThat(one("SELECT prices FROM subscription WHERE id = ?", bought.subscriptionId())).as("on the invoiced prices")
                .isEqualTo(one("SELECT prices FROM purchase_order WHERE id = ?", renewal.orderId()));
        assertThat(TestDatabase.query("SELECT reason FROM subscription_change WHERE subscription_id = ? AND what = 'ENDS_AT'",
                bought.subscriptionId())).contains("Renewed by the billing run: its renewal invoice was paid");
        assertThat(licenses(bought.subscriptionId(), window.endsAt())).as("the renewal's license, not billed again").isEqualTo("1");

        billingRun();
        completed(run(now()));
        assertThat(licenses(bought.subscriptionId(), window.endsAt())).as("re-runs add nothing").isEqualTo("1");
        assertThat(one("SELECT COUNT(*) FROM purchase_order WHERE subscription_id = ? AND type = 'RENEWAL'", bought.subscriptionId()))
                .isEqualTo("1");
        assertThat(one("SELECT deployment_status FROM subscription WHERE id = ?", bought.subscriptionId())).isEqualTo("DEPLOYED");
    }

    @Test
    void anUnpaidRenewalInvoiceIsCreditedWhenTheWindowLapsesAndTheServedWindowStaysOwed() {
        Bought bought = buyAndPay("Lapses");
        Window window = endedYesterday(bought.subscriptionId());
        completed(run(window.endsAt().minus(Duration.ofDays(10))));
        Renewal renewal = renewal(bought.subscriptionId(), window.endsAt());
        // the window just served is owed whatever happens: its invoice (the first one standing for that window's renewal
        // invoice, as an auto-renewal that was unsubscribed since would have left it) is left unpaid too
        TestDatabase.update("UPDATE purchase_order SET type = 'RENEWAL' WHERE id = (SELECT order_id FROM invoice WHERE id = ?)", bought.invoiceId());
        TestDatabase.update("UPDATE invoice SET status = 'UNPAID', paid_at = NULL WHERE id = ?", bought.invoiceId());

        completed(run(now()));

        assertThat(one("SELECT deployment_status FROM subscription WHERE id = ?", bought.subscriptionId())).isEqualTo("UNDEPLOYED");
        assertThat(one("SELECT status FROM invoice WHERE id = ?", renewal.invoiceId())).isEqualTo("CANCELLED");
        assertThat(one("SELECT CONCAT(kind, ' ', total + (SELECT total FROM invoice WHERE id = ?)) FROM invoice WHERE credits_invoice_id = ?",
                renewal.invoiceId(), renewal.invoiceId())).as("credited in full").isEqualTo("CREDIT_NOTE 0.0000");
        assertThat(one("SELECT status FROM invoice WHERE id = ?", bought.invoiceId())).as("the served window's invoice").isEqualTo("UNPAID");
        assertThat(one("SELECT COUNT(*) FROM invoice WHERE credits_invoice_id = ?", bought.invoiceId())).isEqualTo("0");
        MailCatcher.awaitMails(bought.buyer().email(), caught -> caught.subject().contains("has ended"), 1, WAIT);
    }

    // --- fixtures ---

    private record Window(LocalDate anchorDay, Instant endsAt) {
    }

    private record Renewal(long orderId, long invoiceId, String number) {
    }

    /** Auto-renew off, its one-month window (and period) moved to end at a midnight of acme's zone a day or more ago. */
    private static Window endedYesterday(long subscriptionId) {
        LocalDate anchorDay = LocalDate.now(ACME_ZONE).minusDays(1).minusMonths(1);
        Instant anchor = anchorDay.atStartOfDay(ACME_ZONE).toInstant();
        Instant endsAt = anchorDay.plusMonths(1).atStartOfDay(ACME_ZONE).toInstant();
        TestDatabase.update("UPDATE subscription SET auto_renew = FALSE, anchor_at = ?, window_start = ?, period_start = ?, period_end = ?,"
                + " ends_at = ? WHERE id = ?", column(anchor), column(anchor), column(anchor), column(endsAt), column(endsAt), subscriptionId);
        return new Window(anchorDay, endsAt);
    }

    /** The RENEWAL order of the window starting at {@code start} and its invoice. */
    private static Renewal renewal(long subscriptionId, Instant start) {
        List<String> order = TestDatabase.query("SELECT id FROM purchase_order WHERE subscription_id = ? AND type = 'RENEWAL' AND period_start = ?",
                subscriptionId, column(start));
        assertThat(order).as("the renewal order of the window from %s", start).hasSize(1);
        long orderId = Long.parseLong(order.get(0));
        long invoiceId = Long.parseLong(one("SELECT id FROM invoice WHERE order_id = ? AND kind = 'INVOICE'", orderId));
        return new Renewal(orderId, invoiceId, one("SELECT number FROM invoice WHERE id = ?", invoiceId));
    }

    private static String licenses(long subscriptionId, Instant periodStart) {
        return one("SELECT COUNT(*) FROM proceed WHERE subscription_id = ? AND kind = 'LICENSE' AND period_start = ?", subscriptionId,
                column(periodStart));
    }

    /** A billing run of acme at now, once it completed. */
    private void billingRun() {
        String admin = admin();
        HttpResponse<String> started = acme.postJson("/api/v1/billing-runs", "{\"at\":\"" + Instant.now() + "\"}", Http.bearer(admin));
        assertThat(started.statusCode()).as("%s", started.body()).isEqualTo(202);
        long runId = Http.json(started).get("id").asLong();
        JsonNode done = Eventually.find("billing run " + runId + " ended", Duration.ofSeconds(120), () -> {
            JsonNode run = Http.json(acme.get("/api/v1/billing-runs/" + runId, Http.bearer(admin)));
            String status = run.path("status").asText();
            return status.equals("STARTING") || status.equals("STARTED") ? Optional.empty() : Optional.of(run);
        });
        assertThat(done.get("status").asText()).as("%s", done).isEqualTo("COMPLETED");
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    private static Timestamp column(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    /** A DATETIME(6) column as the tests' connection reads it (UTC). */
    private static Instant instant(String column) {
        return LocalDateTime.parse(column.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
    }

    private static String one(String sql, Object... parameters) {
        return SubscriptionFixtures.one(sql, parameters);
    }
}
