package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/**
 * Subscriptions for the change and read tests, written through the tests' own database
 * connection: ordering's POST /orders (h/orders) had not landed when these tests were written, so
 * each fixture writes the order a purchase would have left (a NORMAL order, PAID) and its running
 * subscription with a price snapshot of its commitment window. The period is placed around now so
 * that the hours left are known: it ends in 100 h 30 min, so a change made within half an hour has
 * 101 hours left (rounded up) of a 720-hour period.
 */
final class SubscriptionFixtures {

    static final long PERIOD_HOURS = 720;
    static final long HOURS_LEFT = 101;

    private SubscriptionFixtures() {
    }

    /** A prepaid extra resource "storage" of one volume tier at {@code unitPrice} per unit per period. */
    static String snapshot(String planName, String license, String storageUnitPrice) {
        String extras = storageUnitPrice == null ? "[]"
                : "[{\"code\":\"storage\",\"name\":\"Storage\",\"unit\":\"TB\",\"scheme\":\"VOLUME\",\"tiers\":[{\"from\":1,\"price\":\""
                + storageUnitPrice + "\",\"to\":null}],\"prepaid\":true}]";
        String plan = "{\"name\":\"" + planName + "\",\"currency\":\"EUR\",\"license\":\"" + license + "\",\"setupFee\":\"0.00\","
                + "\"billingFrequency\":1,\"unit\":\"MONTHS\",\"minimumDuration\":1,\"trialDays\":0,\"extraResources\":" + extras
                + ",\"metrics\":[]}";
        return "{\"marketplaceCurrency\":\"EUR\",\"orderCurrency\":\"EUR\",\"vendor\":" + plan + ",\"wholesale\":" + plan + ",\"sellIn\":"
                + plan + ",\"sellOut\":" + plan + ",\"exchangeRate\":null}";
    }

    /** The price snapshot of Nimbus Desk "Pay per user" as a purchase keeps it: no license, the users gauge averaged at 2.00 each. */
    static String payPerUserSnapshot() {
        String plan = "{\"name\":\"Pay per user\",\"currency\":\"EUR\",\"license\":\"0.00\",\"setupFee\":\"0.00\",\"billingFrequency\":1,"
                + "\"unit\":\"MONTHS\",\"minimumDuration\":1,\"trialDays\":0,\"extraResources\":[],\"metrics\":[{\"code\":\"users\","
                + "\"name\":\"Users\",\"unit\":\"users\",\"kind\":\"GAUGE\",\"aggregation\":\"AVERAGE\",\"includedQuantity\":\"0\","
                + "\"unitPrice\":\"2.00\",\"scheme\":null,\"tiers\":null}]}";
        return "{\"marketplaceCurrency\":\"EUR\",\"orderCurrency\":\"EUR\",\"vendor\":" + plan + ",\"wholesale\":" + plan + ",\"sellIn\":"
                + plan + ",\"sellOut\":" + plan + ",\"exchangeRate\":null}";
    }

    /** What a subscription is: its type, status and plan, whose extra resources, on whose storefront, trial end (hours from now). */
    record Spec(String type, String status, String planName, String prices, String extraResources, Integer trialEndsInHours,
                boolean trialConverts) {
    }

    /** A subscription of Nimbus Mail (acme, Nimbus Software) bought by the customer with {@code email} on Cloudy's storefront. */
    static long cloudyMail(String email, Spec spec) {
        return cloudy(email, "Nimbus Mail", spec);
    }

    /** A subscription of the acme product {@code productName} bought by the customer with {@code email} on Cloudy's storefront. */
    static long cloudy(String email, String productName, Spec spec) {
        String tenant = one("SELECT id FROM tenant WHERE slug = 'acme'");
        String customer = one("SELECT organization_id FROM app_user WHERE tenant_id = ? AND email = ?", tenant, email);
        String seller = one("SELECT id FROM organization WHERE tenant_id = ? AND name = 'Cloudy Partners'", tenant);
        String storefront = one("SELECT storefront_id FROM storefront_host WHERE host = 'cloudy.acme.localhost'");
        String product = one("SELECT id FROM product WHERE tenant_id = ? AND name = ?", tenant, productName);
        String vendor = one("SELECT vendor_id FROM product WHERE id = ?", product);
        String plan = one("SELECT id FROM plan WHERE tenant_id = ? AND product_id = ? AND name = ?", tenant, product, spec.planName());
        String placedBy = one("SELECT id FROM app_user WHERE tenant_id = ? AND email = ?", tenant, email);
        String marker = "fixture-" + Unique.suffix();
        TestDatabase.update("INSERT INTO purchase_order (tenant_id, type, status, source, customer_id, seller_id, storefront_id, vendor_id,"
                        + " product_id, plan_id, placed_by, duration, extra_resources, currency, marketplace_currency, start_at,"
                        + " decision_reason, total, created_at, version) VALUES (?, ?, 'PAID', 'PULL', ?, ?, ?, ?, ?, ?, ?, 1, ?, 'EUR', 'EUR',"
                        + " UTC_TIMESTAMP(6), ?, 0, UTC_TIMESTAMP(6), 1)",
                tenant, "TRIAL".equals(spec.type()) ? "TRIAL" : "NORMAL", customer, seller, storefront, vendor, product, plan, placedBy,
                spec.extraResources(), marker);
        String order = one("SELECT id FROM purchase_order WHERE tenant_id = ? AND decision_reason = ?", tenant, marker);
        TestDatabase.update("INSERT INTO subscription (tenant_id, type, deployment_status, customer_id, seller_id, storefront_id, vendor_id,"
                        + " product_id, plan_id, order_id, currency, prices, extra_resources, duration, anchor_at, window_start, period_start,"
                        + " period_end, ends_at, auto_renew, trial_ends_at, trial_converts, paid, created_at, version)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'EUR', ?, ?, 1,"
                        + " TIMESTAMPADD(MINUTE, 6030 - 43200, UTC_TIMESTAMP(6)), TIMESTAMPADD(MINUTE, 6030 - 43200, UTC_TIMESTAMP(6)),"
                        + " TIMESTAMPADD(MINUTE, 6030 - 43200, UTC_TIMESTAMP(6)), TIMESTAMPADD(MINUTE, 6030, UTC_TIMESTAMP(6)),"
                        + " TIMESTAMPADD(MINUTE, 6030, UTC_TIMESTAMP(6)), TRUE,"
                        + " IF(? IS NULL, NULL, TIMESTAMPADD(HOUR, ?, UTC_TIMESTAMP(6))), ?, TRUE, UTC_TIMESTAMP(6), 1)",
                tenant, spec.type(), spec.status(), customer, seller, storefront, vendor, product, plan, order, spec.prices(),
                spec.extraResources(), spec.trialEndsInHours(), spec.trialEndsInHours(), spec.trialConverts());
        String subscription = one("SELECT id FROM subscription WHERE tenant_id = ? AND order_id = ?", tenant, order);
        TestDatabase.update("UPDATE purchase_order SET subscription_id = ? WHERE id = ?", subscription, order);
        return Long.parseLong(subscription);
    }

    static String one(String sql, Object... parameters) {
        List<String> rows = TestDatabase.query(sql, parameters);
        assertThat(rows).as("%s %s", sql, List.of(parameters)).hasSize(1);
        return rows.get(0);
    }
}
