package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * BillingKillIT's subscriptions: {@code count} monthly Nimbus Mail subscriptions on Cloudy's storefront (acme), a few
 * customers of their own, all written by SQL as clones of one subscription per customer (SubscriptionFixtures), their
 * first month over a while ago and their window ended: a run at {@link #at} renews every one and bills its next period.
 * Their ids are one range, which the test reads by; {@link #delete} removes them and their orders again.
 */
final class KillFixture {

    private static final int CUSTOMERS = 4;

    private final Http storefront = Http.host("acme.localhost");
    private final long tenantId;
    private final long firstId;
    private final long lastId;
    private final List<String> orders;
    private final Instant at;

    private KillFixture(long tenantId, long firstId, long lastId, List<String> orders, Instant at) {
        this.tenantId = tenantId;
        this.firstId = firstId;
        this.lastId = lastId;
        this.orders = orders;
        this.at = at;
    }

    static KillFixture create(int count) {
        Http cloudy = Http.host("cloudy.acme.localhost");
        long tenantId = Long.parseLong(SubscriptionFixtures.one("SELECT id FROM tenant WHERE slug = 'acme'"));
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(1));
        // after the autumn's DST change in any zone: the month from the anchor is the same in UTC as in the tenant's zone
        String anchor = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC).format(at.minus(Duration.ofDays(35)));
        List<Long> templates = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            templates.add(SubscriptionFixtures.cloudyMail(SignUpIT.newCustomer(cloudy), new SubscriptionFixtures.Spec("NORMAL", "DEPLOYED",
                    "Basic", SubscriptionFixtures.snapshot("Basic", "5.04", "2.50"), "storage=" + (i + 1), null, false)));
        }
        String columns = String.join(", ", TestDatabase.query("SELECT column_name FROM information_schema.columns WHERE table_schema = DATABASE()"
                + " AND table_name = 'subscription' AND column_name <> 'id' AND extra NOT LIKE '%GENERATED%' ORDER BY ordinal_position"));
        String digits = "(SELECT 0 d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5"
                + " UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9)";
        int clones = count / CUSTOMERS - 1;
        for (long template : templates) {
            TestDatabase.update("INSERT INTO subscription (" + columns + ") SELECT " + columns.replaceAll("(\\w+)", "t.$1")
                    + " FROM subscription t, " + digits + " a, " + digits + " b, " + digits + " c, " + digits + " e"
                    + " WHERE t.id = ? AND a.d + 10 * b.d + 100 * c.d + 1000 * e.d < ? ORDER BY a.d, b.d, c.d, e.d", template, clones);
        }
        long firstId = templates.get(0);
        long lastId = Long.parseLong(TestDatabase.query("SELECT MAX(id) FROM subscription WHERE tenant_id = ?", tenantId).get(0));
        TestDatabase.update("UPDATE subscription SET anchor_at = ?, window_start = ?, period_start = ?, period_end = ? + INTERVAL 1 MONTH,"
                + " ends_at = ? + INTERVAL 1 MONTH WHERE tenant_id = ? AND id BETWEEN ? AND ?", anchor, anchor, anchor, anchor, anchor, tenantId,
                firstId, lastId);
        assertThat(TestDatabase.query("SELECT COUNT(*) FROM subscription WHERE tenant_id = ? AND id BETWEEN ? AND ?", tenantId, firstId, lastId))
                .as("the fixture's subscriptions, one id range").containsExactly(Integer.toString(count));
        List<String> orders = TestDatabase.query("SELECT DISTINCT order_id FROM subscription WHERE tenant_id = ? AND id BETWEEN ? AND ?", tenantId,
                firstId, lastId);
        return new KillFixture(tenantId, firstId, lastId, orders, at);
    }

    Http storefront() {
        return storefront;
    }

    /** A fresh token of the tenant's ADMIN (the server may have been restarted since the last one). */
    String admin() {
        return storefront.token("admin@acme.test", "demo");
    }

    long tenantId() {
        return tenantId;
    }

    Instant at() {
        return at;
    }

    /** SQL: the row under {@code alias} (a proceed or an order) is one of the fixture's subscriptions'. */
    String proceedsOf(String alias) {
        return alias + ".subscription_id BETWEEN " + firstId + " AND " + lastId;
    }

    /** SQL: the subscription under {@code alias} is the fixture's. */
    String subscriptions(String alias) {
        return alias + ".id BETWEEN " + firstId + " AND " + lastId;
    }

    /** The subscriptions and their orders (the runs' rows are BillingRunRows'). */
    void delete() {
        TestDatabase.update("UPDATE purchase_order SET subscription_id = NULL WHERE tenant_id = ? AND subscription_id BETWEEN ? AND ?", tenantId,
                firstId, lastId);
        TestDatabase.update("DELETE FROM subscription WHERE tenant_id = ? AND id BETWEEN ? AND ?", tenantId, firstId, lastId);
        for (String order : orders) {
            TestDatabase.update("DELETE FROM purchase_order WHERE tenant_id = ? AND id = ?", tenantId, Long.parseLong(order));
        }
    }
}
