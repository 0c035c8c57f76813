package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Review 13, findings 1 and 5, by acme's billing run at the real time (no clock moved: the subscriptions' instants are set
 * in the past by SQL): a converted trial is billed on the cycle that starts at its end, once per paid period; an ended
 * metered subscription's last period bills its usage after its end and the grace, once. Everything the runs wrote is
 * removed again and the subscriptions they changed restored, as BillingRunsIT does, so the ITs after this one find the
 * demo as it was.
 */
class BillingEndsIT extends EarIT {

    private static BillingRunRows rows;

    private final Http acme = Http.host("acme.localhost");
    private final Http cloudy = Http.host("cloudy.acme.localhost");

    @BeforeAll
    static void snapshot() {
        rows = BillingRunRows.take("billing_ends");
    }

    /** Every row the runs wrote removed and what they changed of the subscriptions there before restored. */
    @AfterAll
    static void restore() {
        rows.restore();
    }

    /**
     * A 14-day trial of Nimbus Mail Basic (monthly) that ended 33 days ago converts (the trials' timer): re-anchored at the
     * start of its end's day, so its second paid period started by now. The run bills exactly that period's license, and
     * nothing of the trial's own cycle; a re-run nothing more.
     */
    @Test
    void aConvertedTrialIsBilledOnTheCycleThatStartsAtItsEnd() {
        String email = SignUpIT.newCustomer(cloudy);
        long id = SubscriptionFixtures.cloudyMail(email, new SubscriptionFixtures.Spec("TRIAL", "DEPLOYED", "Basic",
                SubscriptionFixtures.snapshot("Basic", "5.04", null), "", 240, true));
        TestDatabase.update("UPDATE subscription SET anchor_at = TIMESTAMPADD(DAY, -47, UTC_TIMESTAMP(6)), window_start = anchor_at,"
                + " period_start = anchor_at, created_at = anchor_at, trial_ends_at = TIMESTAMPADD(DAY, 14, anchor_at),"
                + " period_end = trial_ends_at, ends_at = trial_ends_at WHERE id = ?", id);
        Instant trialStart = instant(SubscriptionFixtures.one("SELECT anchor_at FROM subscription WHERE id = ?", id));
        Instant trialEnd = instant(SubscriptionFixtures.one("SELECT trial_ends_at FROM subscription WHERE id = ?", id));

        Eventually.holds("the trial converted", Duration.ofSeconds(30),
                () -> SubscriptionFixtures.one("SELECT type FROM subscription WHERE id = ?", id).equals("NORMAL"));
        ZoneId zone = ZoneId.of(SubscriptionFixtures.one("SELECT time_zone FROM tenant WHERE slug = 'acme'"));
        Instant paidStart = trialEnd.atZone(zone).truncatedTo(ChronoUnit.DAYS).toInstant();
        Instant secondStart = trialEnd.atZone(zone).truncatedTo(ChronoUnit.DAYS).plusMonths(1).toInstant();
        assertThat(TestDatabase.query("SELECT what FROM subscription_change WHERE subscription_id = ? ORDER BY id", id))
                .as("the conversion re-anchors it, in its changelog").containsSubsequence("TYPE", "ANCHOR", "PERIOD", "ENDS_AT");
        assertThat(instant(SubscriptionFixtures.one("SELECT anchor_at FROM subscription WHERE id = ?", id))).isEqualTo(paidStart);
        assertThat(instant(SubscriptionFixtures.one("SELECT window_start FROM subscription WHERE id = ?", id))).isEqualTo(paidStart);
        assertThat(licenses(id)).as("the conversion billed its first paid period").containsExactly(paidStart);

        String admin = acme.token("admin@acme.test", "demo");
        long run = run(admin);
        assertThat(licenses(id)).as("the run billed the second paid period, and no period of the trial's cycle (from %s)", trialStart)
                .containsExactly(paidStart, secondStart);
        assertThat(TestDatabase.query("SELECT COUNT(*) FROM proceed WHERE subscription_id = ? AND billing_run_id = ?", id, run))
                .as("one license, for %s", secondStart).containsExactly("1");

        run(admin);
        assertThat(licenses(id)).as("a re-run adds nothing").containsExactly(paidStart, secondStart);
    }

    /**
     * A Nimbus Desk "Pay per user" subscription (the users gauge, 2.00 each a month) with 3 users from its first hour, then
     * terminated: its end is kept (ended_at), and once the grace after it passed (the end set 3 hours back, the grace is
     * 2) the run bills its last period's usage, cut at the end, once; a re-run nothing.
     */
    @Test
    void anEndedSubscriptionsLastPeriodBillsItsUsageOnce() {
        String email = SignUpIT.newCustomer(cloudy);
        long id = SubscriptionFixtures.cloudy(email, "Nimbus Desk", new SubscriptionFixtures.Spec("NORMAL", "DEPLOYED", "Pay per user",
                SubscriptionFixtures.payPerUserSnapshot(), "", null, false));
        TestDatabase.update("UPDATE subscription SET created_at = anchor_at, auto_renew = FALSE WHERE id = ?", id);
        Instant start = instant(SubscriptionFixtures.one("SELECT anchor_at FROM subscription WHERE id = ?", id));
        String reading = "{\"id\":\"" + UUID.randomUUID() + "\",\"subscriptionId\":" + id + ",\"metric\":\"users\",\"value\":3,\"at\":\""
                + start.plus(Duration.ofHours(1)) + "\"}";
        HttpResponse<String> pushed = acme.postJson("/api/v1/usage", "{\"readings\":[" + reading + "]}",
                Http.bearer(acme.token("vendor@acme.test", "demo")));
        assertThat(pushed.statusCode()).as("%s", pushed.body()).isEqualTo(200);
        assertThat(Http.json(pushed).get("results").get(0).path("code").isMissingNode()
                || Http.json(pushed).get("results").get(0).path("code").isNull()).as("%s", pushed.body()).isTrue();

        String admin = acme.token("admin@acme.test", "demo");
        HttpResponse<String> terminated = acme.postJson("/api/v1/subscriptions/" + id + "/changes", "{\"type\":\"TERMINATION\"}",
                Http.bearer(admin));
        assertThat(terminated.statusCode()).as("%s", terminated.body()).isEqualTo(201);
        assertThat(SubscriptionFixtures.one("SELECT deployment_status FROM subscription WHERE id = ?", id)).isEqualTo("UNDEPLOYED");
        assertThat(SubscriptionFixtures.one("SELECT ended_at FROM subscription WHERE id = ?", id)).as("the end is kept")
                .isEqualTo(SubscriptionFixtures.one("SELECT changed_at FROM subscription_change WHERE subscription_id = ? AND what = 'STATUS'"
                        + " AND to_value = 'UNDEPLOY_SENT'", id));

        long early = run(admin);
        assertThat(TestDatabase.query("SELECT COUNT(*) FROM proceed WHERE subscription_id = ? AND billing_run_id = ?", id, early))
                .as("within the grace after the end: not yet").containsExactly("0");

        TestDatabase.update("UPDATE subscription SET ended_at = TIMESTAMPADD(HOUR, -3, UTC_TIMESTAMP(6)) WHERE id = ?", id);
        Instant ended = instant(SubscriptionFixtures.one("SELECT ended_at FROM subscription WHERE id = ?", id));
        run(admin);
        List<String> usage = TestDatabase.query("SELECT CONCAT(kind, ' ', amount) FROM proceed WHERE subscription_id = ?", id);
        assertThat(usage).as("the last period's usage, once").singleElement().satisfies(line -> assertThat(line).startsWith("USAGE "));
        // one line of the measured cost: about 3 users at 2.00 averaged over the period (its first day's hours before the
        // reading count 0)
        assertThat(new BigDecimal(usage.get(0).substring("USAGE ".length()))).as("about 3 users the whole period")
                .isBetween(new BigDecimal("5.60"), new BigDecimal("6.00"));
        assertThat(instant(SubscriptionFixtures.one("SELECT period_end FROM proceed WHERE subscription_id = ?", id)))
                .as("the period cut at the end").isEqualTo(ended);

        run(admin);
        assertThat(SubscriptionFixtures.one("SELECT COUNT(*) FROM proceed WHERE subscription_id = ?", id)).as("a re-run adds nothing")
                .isEqualTo("1");
    }

    /** The period starts of the subscription's LICENSE proceeds, in order. */
    private static List<Instant> licenses(long id) {
        return TestDatabase.query("SELECT period_start FROM proceed WHERE subscription_id = ? AND kind = 'LICENSE' ORDER BY period_start", id)
                .stream().map(BillingEndsIT::instant).toList();
    }

    /** A run of acme at now, once it completed. */
    private long run(String admin) {
        HttpResponse<String> started = acme.postJson("/api/v1/billing-runs", "{\"at\":\"" + Instant.now() + "\"}", Http.bearer(admin));
        assertThat(started.statusCode()).as("%s", started.body()).isEqualTo(202);
        long runId = Http.json(started).get("id").asLong();
        JsonNode done = Eventually.find("billing run " + runId + " ended", Duration.ofSeconds(120), () -> {
            JsonNode run = Http.json(acme.get("/api/v1/billing-runs/" + runId, Http.bearer(admin)));
            String status = run.path("status").asText();
            return status.equals("STARTING") || status.equals("STARTED") ? Optional.empty() : Optional.of(run);
        });
        assertThat(done.get("status").asText()).as("%s", done).isEqualTo("COMPLETED");
        return runId;
    }

    /** A DATETIME(6) column as the tests' connection reads it (UTC). */
    private static Instant instant(String column) {
        return LocalDateTime.parse(column.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
    }
}
