package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The billing volume (BillingVolume, the benchmark's and the kill test's fixture) is what a billing run takes: two
 * tenants of 40 subscriptions each over the four plans, each tenant's run at the volume's instant bills every
 * subscription's next period (a MONTHLY order each, the license and the prepaid storage, the period advanced, one
 * invoice for the tenant's one customer) and nothing of period 0; a re-run adds no row. The tenants are deleted again.
 */
class BillingVolumeIT extends EarIT {

    private static final String PREFIX = "bvit-";
    private static final int PER_TENANT = 40;

    @AfterAll
    static void deleteTheVolume() throws Exception {
        try (Connection connection = TestDatabase.connect()) {
            BillingVolume.deleteAll(connection, PREFIX);
        }
    }

    @Test
    void aRunAtTheVolumesInstantBillsEverySubscriptionsNextPeriodOnceAndARerunAddsNothing() throws Exception {
        Instant due = Instant.now().truncatedTo(ChronoUnit.DAYS);
        BillingVolume.Volume volume;
        try (Connection connection = TestDatabase.connect()) {
            volume = BillingVolume.create(connection, PREFIX, 2, PER_TENANT, due);
        }
        assertThat(volume.subscriptions()).isEqualTo(80);
        for (int i = 0; i < 2; i++) {
            long tenant = volume.tenantIds().get(i);
            assertThat(TestDatabase.query("SELECT COUNT(*) FROM subscription WHERE tenant_id = ? AND deployment_status = 'DEPLOYED'"
                    + " AND period_end = ?", tenant, BillingVolume.time(due))).as("every first period ends at the instant").containsExactly("40");
            Http host = Http.host(volume.host(i));
            String admin = host.token(volume.admin(i), BillingVolume.PASSWORD);

            JsonNode run = completed(host, admin, started(start(host, admin, due)));
            assertThat(run.get("status").asText()).as("%s", run).isEqualTo("COMPLETED");
            assertThat(run.get("itemsTotal").asInt()).isEqualTo(PER_TENANT);
            assertThat(run.get("itemsDone").asInt()).isEqualTo(PER_TENANT);
            assertThat(run.get("errors")).as("%s", run).isEmpty();
            long runId = run.get("id").asLong();
            // per four subscriptions: monthly 1 (license), yearly 2 (license, storage), hourly 1, pay per user 1 (its usage
            // and post-paid backup fall due at the period's end plus the grace)
            assertThat(count("SELECT COUNT(*) FROM proceed WHERE tenant_id = ? AND billing_run_id = ?", tenant, runId)).isEqualTo(50);
            assertThat(count("SELECT COUNT(*) FROM proceed WHERE tenant_id = ? AND billing_run_id = ? AND period_start <> ?", tenant, runId,
                    BillingVolume.time(due))).as("only the period starting at the instant").isZero();
            assertThat(count("SELECT COUNT(*) FROM proceed WHERE tenant_id = ? AND billing_run_id = ? AND invoice_id IS NULL", tenant, runId))
                    .as("every proceed invoiced").isZero();
            assertThat(count("SELECT COUNT(DISTINCT invoice_id) FROM proceed WHERE tenant_id = ? AND billing_run_id = ?", tenant, runId))
                    .as("one invoice for the one customer").isEqualTo(1);
            assertThat(count("SELECT COUNT(*) FROM purchase_order WHERE tenant_id = ? AND type = 'MONTHLY' AND status = 'PAID'"
                    + " AND period_start = ?", tenant, BillingVolume.time(due))).isEqualTo(PER_TENANT);
            assertThat(count("SELECT COUNT(*) FROM subscription WHERE tenant_id = ? AND period_start = ?", tenant, BillingVolume.time(due)))
                    .as("every period advanced").isEqualTo(PER_TENANT);

            long proceeds = count("SELECT COUNT(*) FROM proceed WHERE tenant_id = ?", tenant);
            long orders = count("SELECT COUNT(*) FROM purchase_order WHERE tenant_id = ?", tenant);
            JsonNode rerun = completed(host, admin, started(start(host, admin, due)));
            assertThat(rerun.get("status").asText()).isEqualTo("COMPLETED");
            assertThat(count("SELECT COUNT(*) FROM proceed WHERE tenant_id = ?", tenant)).as("a re-run adds no proceed").isEqualTo(proceeds);
            assertThat(count("SELECT COUNT(*) FROM purchase_order WHERE tenant_id = ?", tenant)).as("nor an order").isEqualTo(orders);
        }
    }

    /**
     * The hourly schedule starts every tenant's run at once. Ten runs of two partitions each need thirty threads of the
     * batch pool (WildFly's default: ten): started all together, their job threads waited for partition threads they
     * held themselves. The server runs a few at once and queues the rest (BillingJobStarter): all ten complete.
     */
    @Test
    void tenTenantsRunsStartedAtOnceAllComplete() throws Exception {
        Instant due = Instant.now().truncatedTo(ChronoUnit.DAYS);
        BillingVolume.Volume volume;
        try (Connection connection = TestDatabase.connect()) {
            volume = BillingVolume.create(connection, PREFIX + "ten-", 10, 1_000, due, 10);
        }
        java.util.List<Long> runs = new java.util.ArrayList<>();
        java.util.List<String> tokens = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tokens.add(Http.host(volume.host(i)).token(volume.admin(i), BillingVolume.PASSWORD));
        }
        for (int i = 0; i < 10; i++) {
            runs.add(started(start(Http.host(volume.host(i)), tokens.get(i), due)));
        }
        for (int i = 0; i < 10; i++) {
            JsonNode run = completed(Http.host(volume.host(i)), tokens.get(i), runs.get(i));
            assertThat(run.get("status").asText()).as("%s", run).isEqualTo("COMPLETED");
            assertThat(run.get("itemsDone").asInt()).isEqualTo(1_000);
            assertThat(run.get("errors")).as("a queued run runs as no one, not as the tenant whose run freed its slot: %s", run).isEmpty();
            assertThat(count("SELECT COUNT(*) FROM subscription WHERE tenant_id = ? AND period_start = ?", volume.tenantIds().get(i),
                    BillingVolume.time(due))).isEqualTo(1_000);
        }
    }

    private static long count(String sql, Object... parameters) {
        return Long.parseLong(TestDatabase.query(sql, parameters).get(0));
    }

    static HttpResponse<String> start(Http host, String token, Instant at) {
        return host.postJson("/api/v1/billing-runs", "{\"at\":\"" + at + "\"}", Http.bearer(token));
    }

    static long started(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("%s", response.body()).isEqualTo(202);
        return Http.json(response).get("id").asLong();
    }

    /** The run once its job ended. */
    static JsonNode completed(Http host, String token, long runId) {
        return Eventually.find("billing run " + runId + " ended", Duration.ofSeconds(600), () -> {
            JsonNode run = Http.json(host.get("/api/v1/billing-runs/" + runId, Http.bearer(token)));
            String status = run.path("status").asText();
            return status.equals("STARTING") || status.equals("STARTED") ? Optional.empty() : Optional.of(run);
        });
    }
}
