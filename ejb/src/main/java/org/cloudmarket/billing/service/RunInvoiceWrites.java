package org.cloudmarket.billing.service;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.cloudmarket.billing.domain.Invoice;
import org.cloudmarket.billing.domain.InvoiceDraft;
import org.cloudmarket.billing.domain.InvoiceDraftLine;
import org.cloudmarket.billing.domain.InvoiceKind;
import org.cloudmarket.billing.domain.InvoiceStatus;
import org.cloudmarket.billing.domain.Proceed;
import org.cloudmarket.billing.domain.TaxSubtotal;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.identity.service.Caller;
import org.cloudmarket.shared.tenant.TenantContext;
import org.cloudmarket.subscription.domain.Change;
import org.cloudmarket.tenancy.domain.BillingDetails;

/**
 * A group of a billing run's invoices (RunInvoices' groups, cut by InvoiceBatches) issued in one transaction of its own,
 * with the same rules and results as one invoice a transaction through Invoicing.issue and IssuedInvoices.announce, but
 * written a group at a time (DESIGN: a run's cost is in its round trips):
 * <ul>
 * <li>the group's proceeds are locked (FOR UPDATE, in id order, so two invoicers never deadlock) until it commits, and only
 * those still uninvoiced are billed: a second invoicer of the same proceeds (another run, the costs' calendar) waits, then
 * reads them invoiced (a locking read sees the latest row) and leaves them out;</li>
 * <li>each invoice's draft and parties come from Invoicing.prepare (the generator's lines, VAT and rounding, in
 * Proceed.LINE_ORDER); one whose parties cannot be invoiced (no billing details) is answered as a failure and writes
 * nothing, the others go on;</li>
 * <li>the numbers are taken from each issuer's counter once for the group, in issuer order, under its row lock held until
 * the commit: consecutive in the invoices' order, and given back whole by a rollback, so no gap and no repeat;</li>
 * <li>invoices, lines and tax subtotals are multi-row INSERTs, each invoice's proceeds get its id by one guarded UPDATE;</li>
 * <li>a zero total is settled at once through its entity, as IssuedInvoices does; the other invoices' paid subscriptions
 * are marked unpaid by one UPDATE and one multi-row INSERT of PAID changelog lines (as Lifecycle.record writes a
 * Change.Paid), and the customers' users get INVOICE_ISSUED in the outbox.</li>
 * </ul>
 * The caller bumps the tenant's cache generation once this committed (written outside JPA).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RunInvoiceWrites {

    /** Rows a multi-row statement carries (an invoice has 47 parameters, a line 11). */
    private static final int INVOICE_ROWS = 50;
    private static final int LINE_ROWS = 500;

    static final List<String> INVOICE_COLUMNS = List.of("tenant_id", "kind", "issuer_id", "issuer_key", "customer_id", "year",
            "counter", "number", "status", "currency", "issued_at", "due_at", "net", "tax", "total", "issuer_name", "customer_name",
            "issuer_party_kind", "issuer_legal_name", "issuer_address_line", "issuer_city", "issuer_postal_code", "issuer_country",
            "issuer_vat_number", "issuer_fiscal_code", "issuer_sdi_code", "issuer_pec", "issuer_iban", "issuer_invoice_prefix",
            "customer_party_kind", "customer_legal_name", "customer_address_line", "customer_city", "customer_postal_code",
            "customer_country", "customer_vat_number", "customer_fiscal_code", "customer_sdi_code", "customer_pec", "customer_iban",
            "customer_invoice_prefix", "tax_note", "credits_invoice_id", "order_id", "paid_at", "paused_seconds", "version");

    private static final List<String> LINE_COLUMNS = List.of("tenant_id", "invoice_id", "position", "proceed_id", "kind", "description",
            "quantity", "unit_price", "net_amount", "tax_rate", "tax_category");

    private static final List<String> TAX_COLUMNS = List.of("tenant_id", "invoice_id", "tax_rate", "tax_category", "taxable", "tax");

    private static final List<String> CHANGE_COLUMNS = List.of("tenant_id", "subscription_id", "changed_at", "changed_by", "what",
            "from_value", "to_value", "reason", "order_id");

    /** A group not invoiced, and why. */
    public record Failure(RunInvoices.Group group, RuntimeException error) {
    }

    /** What one transaction issued: how many invoices, and the groups that failed (their proceeds left uninvoiced). */
    public record Written(int issued, List<Failure> failures) {
    }

    /** An invoice of the transaction, from its draft to its row. */
    private static final class Pending {
        final RunInvoices.Group group;
        final List<Proceed> proceeds;
        final Invoicing.Prepared prepared;
        InvoiceBatches.CounterKey counter;
        Invoice.Numbering numbering;
        long id;

        Pending(RunInvoices.Group group, List<Proceed> proceeds, Invoicing.Prepared prepared) {
            this.group = group;
            this.proceeds = proceeds;
            this.prepared = prepared;
        }

        InvoiceDraft draft() {
            return prepared.draft();
        }

        boolean zero() {
            return draft().total().amount().signum() == 0;
        }
    }

    @Resource(lookup = "java:jboss/datasources/CloudmarketDS")
    private DataSource dataSource;

    @Inject
    private EntityManager entityManager;

    @Inject
    private TenantContext tenantContext;

    @Inject
    private RunInvoices runInvoices;

    @Inject
    private Invoicing invoicing;

    @Inject
    private InvoiceCounters counters;

    @Inject
    private IssuedInvoices issuedInvoices;

    @Inject
    private InvoiceMail invoiceMail;

    @Inject
    private Caller caller;

    @Inject
    private Clock clock;

    /** The groups the tenant's uninvoiced run proceeds make now (none for a live-reporting tenant). */
    public List<RunInvoices.Group> groups(long tenantId, Instant now) {
        return tenantContext.callAs(tenantId, () -> runInvoices.groups(tenantId, now));
    }

    /** Issues the groups' invoices, in the groups' order. */
    public Written write(long tenantId, List<RunInvoices.Group> groups) {
        return tenantContext.callAs(tenantId, () -> {
            List<Failure> failures = new ArrayList<>();
            List<Pending> pending = prepare(groups, failures);
            if (!pending.isEmpty()) {
                Instant now = clock.instant();
                number(pending, now);
                try (Connection connection = dataSource.getConnection()) {
                    insertInvoices(connection, tenantId, pending, now);
                    readIds(connection, tenantId, pending);
                    insertLines(connection, tenantId, pending);
                    invoiceProceeds(connection, tenantId, pending);
                } catch (SQLException e) {
                    throw new IllegalStateException("The invoices could not be written: " + e.getMessage(), e);
                }
                settleZeroTotals(pending);
                List<Pending> owed = pending.stream().filter(invoice -> !invoice.zero()).toList();
                markUnpaid(tenantId, owed, now);
                owed.forEach(invoice -> invoiceMail.issued(invoice.id, invoice.prepared.parties().customerId(),
                        invoice.numbering.number(), invoice.draft().total().amount(), invoice.draft().currency()));
            }
            return new Written(pending.size(), failures);
        });
    }

    /** The groups' proceeds locked, and each group's invoice drafted from those still uninvoiced; a group that cannot be is a failure. */
    private List<Pending> prepare(List<RunInvoices.Group> groups, List<Failure> failures) {
        List<Long> ids = groups.stream().flatMap(group -> group.proceedIds().stream()).toList();
        Map<Long, Proceed> locked = entityManager.createQuery(
                        "SELECT p FROM Proceed p WHERE p.id IN :ids AND p.invoiceId IS NULL ORDER BY p.id", Proceed.class)
                .setParameter("ids", ids).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream()
                .collect(Collectors.toMap(Proceed::getId, Function.identity()));
        List<Pending> pending = new ArrayList<>();
        for (RunInvoices.Group group : groups) {
            // locked in id order; listed in the lines' own order, whatever order the partitions wrote them in
            List<Proceed> proceeds = new ArrayList<>(group.proceedIds().stream().map(locked::get).filter(Objects::nonNull).toList());
            proceeds.sort(Proceed.LINE_ORDER);
            if (proceeds.isEmpty()) {
                continue;
            }
            try {
                pending.add(new Pending(group, proceeds, invoicing.prepare(InvoiceKind.INVOICE, proceeds)));
            } catch (RuntimeException e) {
                // nothing written for it yet: the others are issued, this one is the run's error
                failures.add(new Failure(group, e));
            }
        }
        // only read from here on (their invoice_id is set by SQL): out of the persistence context, so that the flushes before
        // the mails' queries do not compare thousands of unchanged proceeds each time; their rows stay locked
        locked.values().forEach(entityManager::detach);
        return pending;
    }

    /** Each counter raised once for the transaction's invoices of its issuer, in issuer order; the numbers in the invoices' order. */
    private void number(List<Pending> pending, Instant now) {
        int year = invoicing.year(now);
        for (Pending invoice : pending) {
            Long issuerId = invoice.prepared.parties().issuerId();
            invoice.counter = new InvoiceBatches.CounterKey(issuerId == null ? 0 : issuerId, invoice.draft().kind(), year);
        }
        List<InvoiceBatches.CounterKey> keys = pending.stream().map(invoice -> invoice.counter).toList();
        SortedMap<InvoiceBatches.CounterKey, Integer> counts = InvoiceBatches.counts(keys);
        Map<InvoiceBatches.CounterKey, Integer> firsts = new HashMap<>();
        counts.forEach((key, count) -> firsts.put(key, counters.take(key.issuerKey(), key.kind(), key.year(), count)));
        List<Integer> numbers = InvoiceBatches.numbers(keys, firsts);
        for (int i = 0; i < pending.size(); i++) {
            Pending invoice = pending.get(i);
            invoice.numbering = Invoicing.numbering(invoice.prepared.parties(), invoice.counter.kind(), year, numbers.get(i));
        }
    }

    private static void insertInvoices(Connection connection, long tenantId, List<Pending> pending, Instant now) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (Pending invoice : pending) {
            Invoice.Parties parties = invoice.prepared.parties();
            InvoiceDraft draft = invoice.draft();
            List<Object> row = new ArrayList<>(List.of(tenantId, draft.kind().name()));
            row.add(parties.issuerId());
            row.add(invoice.counter.issuerKey());
            row.add(parties.customerId());
            row.add(invoice.numbering.year());
            row.add(invoice.numbering.counter());
            row.add(invoice.numbering.number());
            row.add(InvoiceStatus.UNPAID.name());
            row.add(draft.currency().getCurrencyCode());
            row.add(now);
            row.add(invoice.group.dueAt());
            row.add(draft.net().amount());
            row.add(draft.tax().amount());
            row.add(draft.total().amount());
            row.add(parties.issuerName());
            row.add(parties.customerName());
            row.addAll(details(parties.issuerDetails()));
            row.addAll(details(parties.customerDetails()));
            row.add(draft.note());
            row.add(null); // credits_invoice_id: an invoice credits nothing
            row.add(invoice.group.orderId());
            row.add(null); // paid_at
            row.add(0L); // paused_seconds
            row.add(1L); // version: where EclipseLink starts an inserted entity's
            rows.add(row.toArray());
        }
        execute(connection, MultiRowInsert.of("invoice", INVOICE_COLUMNS, rows, INVOICE_ROWS));
    }

    /** The 12 columns of a party's billing details, as the Invoice entity's embedded BillingDetails writes them. */
    static List<Object> details(BillingDetails details) {
        List<Object> values = new ArrayList<>(12);
        values.add(details.getKind() == null ? null : details.getKind().name());
        values.add(details.getLegalName());
        values.add(details.getAddress());
        values.add(details.getCity());
        values.add(details.getPostalCode());
        values.add(details.getCountry());
        values.add(details.getVatNumber().orElse(null));
        values.add(details.getFiscalCode().orElse(null));
        values.add(details.getSdiCode().orElse(null));
        values.add(details.getPec().orElse(null));
        values.add(details.getIban().orElse(null));
        values.add(details.getInvoicePrefix().orElse(null));
        return values;
    }

    /** The new invoices' ids, found by their counters (uk_invoice_issuer_key_kind_year_counter). */
    private static void readIds(Connection connection, long tenantId, List<Pending> pending) throws SQLException {
        Map<InvoiceBatches.CounterKey, List<Pending>> byCounter = pending.stream()
                .collect(Collectors.groupingBy(invoice -> invoice.counter));
        for (Map.Entry<InvoiceBatches.CounterKey, List<Pending>> counter : byCounter.entrySet()) {
            InvoiceBatches.CounterKey key = counter.getKey();
            Map<Integer, Pending> byNumber = counter.getValue().stream()
                    .collect(Collectors.toMap(invoice -> invoice.numbering.counter(), Function.identity()));
            int from = Collections.min(byNumber.keySet());
            int to = Collections.max(byNumber.keySet());
            try (PreparedStatement statement = RunSql.prepare(connection, "SELECT counter, id FROM invoice WHERE tenant_id = ?"
                    + " AND issuer_key = ? AND kind = ? AND year = ? AND counter BETWEEN ? AND ?", tenantId, key.issuerKey(),
                    key.kind().name(), key.year(), from, to);
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Pending invoice = byNumber.get(rows.getInt(1));
                    if (invoice != null) {
                        invoice.id = rows.getLong(2);
                    }
                }
            }
        }
        for (Pending invoice : pending) {
            if (invoice.id == 0) {
                throw new IllegalStateException("Invoice " + invoice.numbering.number() + " was not written");
            }
        }
    }

    private static void insertLines(Connection connection, long tenantId, List<Pending> pending) throws SQLException {
        List<Object[]> lines = new ArrayList<>();
        List<Object[]> taxes = new ArrayList<>();
        for (Pending invoice : pending) {
            for (InvoiceDraftLine line : invoice.draft().lines()) {
                lines.add(new Object[] {tenantId, invoice.id, line.position(), line.proceedId(), line.kind().name(), line.description(),
                        line.quantity(), line.unitPrice(), line.netAmount().amount(), line.taxRate(), line.taxCategory()});
            }
            for (TaxSubtotal subtotal : invoice.draft().taxSubtotals()) {
                taxes.add(new Object[] {tenantId, invoice.id, subtotal.rate(), subtotal.category(), subtotal.taxable().amount(),
                        subtotal.tax().amount()});
            }
        }
        execute(connection, MultiRowInsert.of("invoice_line", LINE_COLUMNS, lines, LINE_ROWS));
        execute(connection, MultiRowInsert.of("invoice_tax", TAX_COLUMNS, taxes, LINE_ROWS));
    }

    /** Each invoice's proceeds get its id, guarded by invoice_id IS NULL: they are locked, so every one must change. */
    private static void invoiceProceeds(Connection connection, long tenantId, List<Pending> pending) throws SQLException {
        for (Pending invoice : pending) {
            String ids = invoice.proceeds.stream().map(proceed -> Long.toString(proceed.getId())).collect(Collectors.joining(","));
            try (PreparedStatement statement = RunSql.prepare(connection, "UPDATE proceed SET invoice_id = ? WHERE tenant_id = ?"
                    + " AND invoice_id IS NULL AND id IN (" + ids + ")", invoice.id, tenantId)) {
                int updated = statement.executeUpdate();
                if (updated != invoice.proceeds.size()) {
                    throw new IllegalStateException((invoice.proceeds.size() - updated) + " of invoice " + invoice.numbering.number()
                            + "'s proceeds were invoiced meanwhile");
                }
            }
        }
    }

    /** A zero total settled at once through its entity (IssuedInvoices: paid, which provisions its subscriptions). */
    private void settleZeroTotals(List<Pending> pending) {
        for (Pending invoice : pending) {
            if (invoice.zero()) {
                Invoice entity = entityManager.find(Invoice.class, invoice.id);
                issuedInvoices.announce(entity, invoice.group.orderId());
            }
        }
        // what the settlements changed is in the rows before the unpaid marks read them
        entityManager.flush();
    }

    /**
     * The owed invoices' subscriptions paid so far marked unpaid (Change.Paid(false)), each by the first invoice that bills
     * it: one UPDATE (the version moved on, as the entity's would) and one multi-row INSERT of the PAID lines, reasoned and
     * ordered as IssuedInvoices records them one by one.
     */
    private void markUnpaid(long tenantId, List<Pending> owed, Instant now) {
        List<List<Long>> subscriptions = owed.stream()
                .map(invoice -> invoice.proceeds.stream().map(Proceed::getSubscriptionId).toList()).toList();
        Set<Long> all = new HashSet<>();
        subscriptions.forEach(all::addAll);
        if (all.isEmpty()) {
            return;
        }
        String ids = all.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
        Long by = caller.current().map(User::getId).orElse(null);
        try (Connection connection = dataSource.getConnection()) {
            Set<Long> paid = new HashSet<>();
            try (PreparedStatement statement = RunSql.prepare(connection, "SELECT id FROM subscription WHERE tenant_id = ? AND paid = 1"
                    + " AND id IN (" + ids + ") ORDER BY id FOR UPDATE", tenantId);
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    paid.add(rows.getLong(1));
                }
            }
            List<InvoiceBatches.UnpaidMark> marks = InvoiceBatches.unpaidMarks(subscriptions, paid);
            if (marks.isEmpty()) {
                return;
            }
            String marked = marks.stream().map(mark -> Long.toString(mark.subscriptionId())).collect(Collectors.joining(","));
            try (PreparedStatement statement = RunSql.prepare(connection, "UPDATE subscription SET paid = 0, version = version + 1"
                    + " WHERE tenant_id = ? AND paid = 1 AND id IN (" + marked + ")", tenantId)) {
                int updated = statement.executeUpdate();
                if (updated != marks.size()) {
                    throw new IllegalStateException((marks.size() - updated) + " of " + marks.size() + " subscriptions changed meanwhile");
                }
            }
            List<Object[]> lines = new ArrayList<>();
            for (InvoiceBatches.UnpaidMark mark : marks) {
                Pending invoice = owed.get(mark.invoice());
                lines.add(new Object[] {tenantId, mark.subscriptionId(), now, by, Change.What.PAID.name(), Boolean.toString(true),
                        Boolean.toString(false), IssuedInvoices.issuedReason(invoice.numbering.number()), invoice.group.orderId()});
            }
            execute(connection, MultiRowInsert.of("subscription_change", CHANGE_COLUMNS, lines, LINE_ROWS));
        } catch (SQLException e) {
            throw new IllegalStateException("The invoiced subscriptions could not be marked unpaid: " + e.getMessage(), e);
        }
    }

    private static void execute(Connection connection, List<MultiRowInsert> statements) throws SQLException {
        for (MultiRowInsert insert : statements) {
            try (PreparedStatement statement = RunSql.prepare(connection, insert.sql(), insert.parameters().toArray())) {
                statement.executeUpdate();
            }
        }
    }
}
