package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Field;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox on the real server: its timer delivers due rows through WildFly's mail session to
 * GreenMail (MailCatcher), retries while the SMTP server is down, and delivers a row once only,
 * however many workers try to claim it, and keeps neither the mail's links nor its address once
 * delivered. Most tests write a rendered MAIL row as Mail#send would (the after-commit hand-over
 * itself: OutboxTest); two follow real flows (an invitation, an account closing).
 */
class MailOutboxIT extends EarIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(45);

    private final Http acme = Http.host("acme.localhost");

    @AfterEach
    void smtpIsBack() {
        MailCatcher.start();
    }

    @Test
    void aDueRowReachesGreenMailAsTextAndHtmlFromTheStorefront() {
        String to = "outbox-" + Unique.suffix() + "@example.test";
        long id = insertRow(to, "Welcome to Cloudy", "Hello Ada,\nyour link: http://cloudy.acme.localhost:8080/verify-email.xhtml?token=t1",
                "<p>Hello Ada, <a href=\"http://cloudy.acme.localhost:8080/verify-email.xhtml?token=t1\">confirm</a></p>", "Cloudy Partners");

        CaughtMail mail = MailCatcher.await(to, WAIT);

        assertThat(mail.subject()).isEqualTo("Welcome to Cloudy");
        assertThat(mail.from()).isEqualTo("no-reply@cloudmarket.localhost");
        assertThat(mail.text()).contains("Hello Ada,");
        assertThat(mail.html()).contains("<p>Hello Ada,");
        assertThat(mail.link("/verify-email.xhtml")).isEqualTo("http://cloudy.acme.localhost:8080/verify-email.xhtml?token=t1");
        awaitTrue("row " + id + " marked delivered", () -> column(id, "delivered_at") != null);
        assertThat(column(id, "attempts")).isEqualTo("1");
        assertThat(column(id, "claimed_until")).isNull();
        assertThat(MailCatcher.received(to)).hasSize(1);
        assertThat(column(id, "recipient")).as("the address is gone, its SHA-256 stays")
                .isEqualTo(TestDatabase.query("SELECT SHA2(?, 256)", to).get(0));
        assertThat(column(id, "payload")).as("no link, no text once delivered").doesNotContain("token", "Hello Ada", "verify-email")
                .isEqualTo("{\"template\":\"\",\"sender\":\"Cloudy Partners\"}");
    }

    @Test
    void aDeliveredInvitationKeepsItsTemplateButNeitherItsTokenSecretNorTheAddress() {
        Accounts.Account invited = Accounts.invite(acme, acme.token("admin@acme.test", "demo"), "SUPERVISOR", null);
        String link = MailCatcher.await(invited.email(), WAIT).link("/set-password.xhtml?token=");
        String secret = link.replaceFirst(".*token=", "");
        String hash = TestDatabase.query("SELECT SHA2(?, 256)", invited.email()).get(0);

        awaitTrue("the invitation's row marked delivered", () -> !TestDatabase.query(
                "SELECT id FROM outbox_message WHERE recipient = ? AND delivered_at IS NOT NULL", hash).isEmpty());
        assertThat(TestDatabase.query("SELECT payload FROM outbox_message WHERE recipient = ?", hash))
                .singleElement().asString().contains("\"template\":\"INVITATION\"").doesNotContain(secret, "set-password", invited.email());
        assertThat(TestDatabase.query("SELECT COUNT(*) FROM outbox_message WHERE recipient = ? OR payload LIKE ?", invited.email(),
                "%" + secret + "%")).containsExactly("0");
    }

    @Test
    void closingAnAccountErasesTheMailWaitingForItsUsersAndSendsTheClosingMail() {
        String suffix = Unique.suffix();
        String admin = acme.token("admin@acme.test", "demo");
        HttpResponse<String> created = acme.postJson("/api/v1/customers", """
                {"kind":"PERSON","name":"Outbox Rossi %s","email":"outbox-rossi-%s@customers.test","address":"Via Roma 1",
                 "city":"Torino","postalCode":"10121","country":"IT","vatNumber":null,"fiscalCode":"BNCMRA80A41L219W","sdiCode":"ABC1234"}"""
                .formatted(suffix, suffix), Http.bearer(admin));
        assertThat(created.statusCode()).as("%s", created.body()).isEqualTo(201);
        long customer = Http.json(created).get("id").asLong();
        String email = "outbox-rossi-" + suffix + "@customers.test";
        String bystander = "bystander-" + suffix + "@example.test";
        long waiting = insertRow(email, "Waiting for later", "text with a secret link", "<p>html</p>", "Acme", "2999-01-01 00:00:00");
        long other = insertRow(bystander, "Waiting for someone else", "text", "<p>html</p>", "Acme", "2999-01-01 00:00:00");
        try {
            HttpResponse<String> closed = acme.post("/api/v1/customers/" + customer + "/closing", Http.bearer(admin));

            assertThat(closed.statusCode()).as("%s", closed.body()).isEqualTo(204);
            assertThat(TestDatabase.query("SELECT COUNT(*) FROM outbox_message WHERE id = ?", waiting)).as("erased").containsExactly("0");
            assertThat(TestDatabase.query("SELECT COUNT(*) FROM outbox_message WHERE id = ?", other)).as("not the closed user's")
                    .containsExactly("1");
            awaitTrue("the closing mail", () -> MailCatcher.received(email).stream().anyMatch(mail -> mail.subject().contains("is closed")));
        } finally {
            TestDatabase.update("DELETE FROM outbox_message WHERE id IN (?, ?)", waiting, other);
        }
    }

    @Test
    void whileSmtpIsDownTheMailWaitsAndArrivesOnceWhenItIsBack() throws Exception {
        String to = "retry-" + Unique.suffix() + "@example.test";
        MailCatcher.stop();
        long id = insertRow(to, "Sent while the SMTP server was down", "text", "<p>html</p>", "Cloudy Partners");

        awaitTrue("a second failed attempt of row " + id, () -> Integer.parseInt(column(id, "attempts")) >= 2);
        assertThat(column(id, "delivered_at")).isNull();
        assertThat(column(id, "last_error")).contains("Connection refused");
        assertThat(LocalDateTime.parse(column(id, "next_attempt_at").replace(' ', 'T')).toInstant(ZoneOffset.UTC))
                .as("the next attempt waits").isAfter(Instant.now().minusSeconds(1));
        assertThat(Files.readString(serverLog())).as("the server warns of each failed attempt")
                .contains("Outbox row " + id + " (MAIL, tenant " + acme() + ") not delivered at attempt 1");

        MailCatcher.start();
        CaughtMail mail = MailCatcher.await(to, Duration.ofSeconds(90));

        assertThat(mail.subject()).isEqualTo("Sent while the SMTP server was down");
        awaitTrue("row " + id + " marked delivered", () -> column(id, "delivered_at") != null);
        assertThat(column(id, "last_error")).isNull();
        awaitATimerRound(); // a further round sends nothing more
        assertThat(MailCatcher.received(to)).hasSize(1);
    }

    @Test
    void aRowClaimedByAnotherWorkerIsLeftAloneUntilTheClaimRunsOut() throws Exception {
        String to = "claimed-" + Unique.suffix() + "@example.test";
        long id = insertRow(to, "Claimed elsewhere", "text", "<p>html</p>", "Cloudy Partners");
        // another node's claim, as the shipped statement writes it: taken for 12 seconds
        assertThat(claim(id, Instant.now().plusSeconds(12))).isEqualTo(1);

        awaitATimerRound(); // it saw the row due but claimed
        assertThat(MailCatcher.received(to)).isEmpty();
        assertThat(column(id, "attempts")).isEqualTo("1");

        MailCatcher.await(to, WAIT);
        awaitTrue("row " + id + " marked delivered", () -> column(id, "delivered_at") != null);
        assertThat(column(id, "attempts")).as("the claim that ran out, then the server's").isEqualTo("2");
        assertThat(MailCatcher.received(to)).hasSize(1);
    }

    @Test
    void ofWorkersClaimingOneRowAtOnceOneWinsAndTheMailIsSentOnce() throws Exception {
        String to = "race-" + Unique.suffix() + "@example.test";
        long id = insertRow(to, "One winner", "text", "<p>html</p>", "Cloudy Partners");
        int workers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<Integer>> claims = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                Callable<Integer> worker = () -> {
                    start.await();
                    return claim(id, Instant.now().plusSeconds(4));
                };
                claims.add(pool.submit(worker));
            }
            start.countDown();
            int won = 0;
            for (Future<Integer> claim : claims) {
                won += claim.get();
            }
            // the server's own timer may have claimed it first: then none of ours won
            assertThat(won).isLessThanOrEqualTo(1);
            assertThat(column(id, "attempts")).as("claims that succeeded, the server's included").isEqualTo("1");
        } finally {
            pool.shutdownNow();
        }

        MailCatcher.await(to, WAIT);
        awaitTrue("row " + id + " marked delivered", () -> column(id, "delivered_at") != null);
        awaitATimerRound();
        assertThat(MailCatcher.received(to)).hasSize(1);
    }

    /** A due MAIL row of acme, its payload as Mail#send renders it. */
    private static long insertRow(String to, String subject, String text, String html, String sender) {
        return insertRow(to, subject, text, html, sender, null);
    }

    /** A MAIL row of acme, due at {@code dueAt} (UTC; null: now). */
    private static long insertRow(String to, String subject, String text, String html, String sender, String dueAt) {
        String payload;
        try {
            payload = JSON.writeValueAsString(Map.of("sender", sender, "subject", subject, "text", text, "html", html));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        TestDatabase.update("""
                INSERT INTO outbox_message (tenant_id, channel, recipient, payload, created_at, attempts, next_attempt_at)
                VALUES (?, 'MAIL', ?, ?, UTC_TIMESTAMP(6), 0, IFNULL(?, UTC_TIMESTAMP(6)))""", acme(), to, payload, dueAt);
        // the newest row to the address (delivered already, it holds the address's SHA-256 instead)
        return Long.parseLong(TestDatabase.query("SELECT MAX(id) FROM outbox_message WHERE recipient IN (?, SHA2(?, 256))", to, to).get(0));
    }

    /** Runs the server's own claim statement (OutboxRows.CLAIM, read from the shipped EJB jar) on its own connection. */
    private static int claim(long id, Instant until) throws Exception {
        Field statement = Class.forName("org.cloudmarket.shared.outbox.OutboxRows").getDeclaredField("CLAIM");
        statement.setAccessible(true);
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        try (Connection connection = DriverManager.getConnection(System.getenv("DB_URL"), "root", "");
             PreparedStatement claim = connection.prepareStatement((String) statement.get(null))) {
            Object[] parameters = {LocalDateTime.ofInstant(until, ZoneOffset.UTC), acme(), id, now, now};
            for (int i = 0; i < parameters.length; i++) {
                claim.setObject(i + 1, parameters[i]);
            }
            return claim.executeUpdate();
        }
    }

    private static long acme() {
        return Long.parseLong(TestDatabase.query("SELECT id FROM tenant WHERE slug = 'acme'").get(0));
    }

    private static String column(long id, String column) {
        return TestDatabase.query("SELECT " + column + " FROM outbox_message WHERE id = ?", id).get(0);
    }

    private static Path serverLog() {
        return Path.of(System.getProperty("wildfly.home"), "standalone", "log", "server.log");
    }

    /**
     * Waits until the server's timer has run a round after this point: a probe row written behind
     * the server's back (no commit hands it over) is delivered only by a round, which also saw every
     * row due before it.
     */
    private static void awaitATimerRound() {
        String probe = "round-" + Unique.suffix() + "@example.test";
        long id = insertRow(probe, "A timer round", "text", "<p>html</p>", "Cloudy Partners");
        awaitTrue("probe row " + id + " delivered by a timer round", () -> column(id, "delivered_at") != null);
    }

    private static void awaitTrue(String what, BooleanSupplier condition) {
        Eventually.holds(what, WAIT, condition);
    }
}
