package org.cloudmarket.it;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What billing runs write, taken before an IT's runs and put back after them (BillingRunsIT, BillingEndsIT): the highest
 * id of each table they add rows to, and a copy of the subscription columns and invoice counters they change. Restoring
 * removes every row added since (invoices, lines, taxes, proceeds, changelog rows, period orders, runs and their errors,
 * undelivered mails) and sets those columns and counters back, so the ITs after find the demo as it was.
 */
final class BillingRunRows {

    private static final List<String> MAX_IDS = List.of("proceed", "invoice", "purchase_order", "subscription_change", "billing_run",
            "outbox_message");

    private final String subscriptions;
    private final String counters;
    private final Map<String, Long> maxIds = new HashMap<>();

    private BillingRunRows(String name) {
        this.subscriptions = "it_" + name + "_subscription";
        this.counters = "it_" + name + "_counter";
    }

    /** The snapshot, in tables named after {@code name} (a word: one per IT class). */
    static BillingRunRows take(String name) {
        BillingRunRows rows = new BillingRunRows(name);
        for (String table : MAX_IDS) {
            rows.maxIds.put(table, Long.parseLong(TestDatabase.query("SELECT COALESCE(MAX(id), 0) FROM " + table).get(0)));
        }
        TestDatabase.update("DROP TABLE IF EXISTS " + rows.subscriptions);
        TestDatabase.update("CREATE TABLE " + rows.subscriptions + " AS SELECT id, plan_id, prices, window_start, ends_at, period_start,"
                + " period_end, paid, version FROM subscription");
        TestDatabase.update("DROP TABLE IF EXISTS " + rows.counters);
        TestDatabase.update("CREATE TABLE " + rows.counters + " AS SELECT * FROM invoice_counter");
        return rows;
    }

    long maxId(String table) {
        return maxIds.get(table);
    }

    /** The copy of the subscriptions' columns, e.g. to put one subscription's prices back. */
    String subscriptionsTable() {
        return subscriptions;
    }

    /** The copy of the invoice counters as they were (BillingKillIT: each issuer's numbers go on from there). */
    String countersTable() {
        return counters;
    }

    void restore() {
        long invoice = maxIds.get("invoice");
        TestDatabase.update("UPDATE proceed SET invoice_id = NULL WHERE invoice_id > ?", invoice);
        TestDatabase.update("DELETE FROM invoice_line WHERE invoice_id > ?", invoice);
        TestDatabase.update("DELETE FROM invoice_tax WHERE invoice_id > ?", invoice);
        TestDatabase.update("DELETE FROM invoice WHERE id > ?", invoice);
        TestDatabase.update("DELETE FROM proceed WHERE id > ?", maxIds.get("proceed"));
        TestDatabase.update("DELETE FROM subscription_change WHERE id > ?", maxIds.get("subscription_change"));
        TestDatabase.update("DELETE FROM purchase_order WHERE id > ? AND period_start IS NOT NULL", maxIds.get("purchase_order"));
        TestDatabase.update("DELETE FROM billing_run_error WHERE run_id > ?", maxIds.get("billing_run"));
        TestDatabase.update("DELETE FROM billing_run WHERE id > ?", maxIds.get("billing_run"));
        TestDatabase.update("DELETE FROM outbox_message WHERE id > ? AND delivered_at IS NULL", maxIds.get("outbox_message"));
        TestDatabase.update("UPDATE subscription s JOIN " + subscriptions + " k ON k.id = s.id SET s.plan_id = k.plan_id,"
                + " s.prices = k.prices, s.window_start = k.window_start, s.ends_at = k.ends_at, s.period_start = k.period_start,"
                + " s.period_end = k.period_end, s.paid = k.paid, s.version = k.version");
        TestDatabase.update("DELETE FROM invoice_counter");
        TestDatabase.update("INSERT INTO invoice_counter SELECT * FROM " + counters);
        TestDatabase.update("DROP TABLE IF EXISTS " + subscriptions);
        TestDatabase.update("DROP TABLE IF EXISTS " + counters);
    }
}
