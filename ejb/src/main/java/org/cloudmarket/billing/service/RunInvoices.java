package org.cloudmarket.billing.service;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The invoices step of a billing run (issue 13): the proceeds billing runs wrote and nobody invoiced yet (this run's, and
 * any a failed run left), grouped per (customer, issuer, currency) as DOMAIN says, issued in issuer order, a group of invoices
 * a transaction (RunInvoiceWrites). Due after the payment terms, a renewal's at its new window's start. A live-reporting tenant
 * writes proceeds and no invoices. A group that cannot be invoiced (a customer without billing details) is the run's
 * error; the other groups go on.
 */
@Dependent
public class RunInvoices {

    private record Uninvoiced(long id, Long customerId, Long sellerId, String currency, long orderId, String orderType, Instant periodStart,
                              long subscriptionId) {
        String group() {
            return (sellerId == null ? 0 : sellerId) + "/" + customerId + "/" + currency + "/" + renewal();
        }

        boolean renewal() {
            return "RENEWAL".equals(orderType);
        }
    }

    /** What one invoice bills, and what failing it says. */
    public record Group(List<Long> proceedIds, Long orderId, Instant dueAt, long firstSubscription) {
    }

    @Resource(lookup = "java:jboss/datasources/CloudmarketDS")
    private DataSource dataSource;

    @Inject
    private BillingTenant billingTenant;

    /** The groups to invoice, in issuer, customer and currency order; none for a live-reporting tenant. */
    List<Group> groups(long tenantId, Instant now) {
        if (billingTenant.settings().liveReporting()) {
            return List.of();
        }
        Duration terms = Duration.ofDays(billingTenant.settings().paymentTermsDays());
        List<Uninvoiced> rows = RunSql.query(dataSource, """
                SELECT p.id, p.customer_id, p.seller_id, p.currency, p.order_id, o.type, p.period_start, p.subscription_id
                FROM proceed p JOIN purchase_order o ON o.tenant_id = p.tenant_id AND o.id = p.order_id
                WHERE p.tenant_id = ? AND p.invoice_id IS NULL AND p.billing_run_id IS NOT NULL AND p.customer_id IS NOT NULL
                ORDER BY COALESCE(p.seller_id, 0), p.customer_id, p.currency, p.id""",
                row -> new Uninvoiced(row.getLong(1), RunSql.nullableLong(row, "customer_id"), RunSql.nullableLong(row, "seller_id"),
                        row.getString(4), row.getLong(5), row.getString(6), RunSql.instant(row, "period_start"), row.getLong(8)), tenantId);
        Map<String, List<Uninvoiced>> grouped = new LinkedHashMap<>();
        rows.forEach(row -> grouped.computeIfAbsent(row.group(), key -> new ArrayList<>()).add(row));
        List<Group> groups = new ArrayList<>();
        for (List<Uninvoiced> group : grouped.values()) {
            Instant due = group.get(0).renewal()
                    ? max(group.stream().map(Uninvoiced::periodStart).min(Instant::compareTo).orElseThrow(), now)
                    : now.plus(terms);
            long order = group.get(0).orderId();
            Long orderId = group.stream().allMatch(row -> row.orderId() == order) ? order : null;
            groups.add(new Group(group.stream().map(Uninvoiced::id).toList(), orderId, due, group.get(0).subscriptionId()));
        }
        return groups;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
