package org.cloudmarket.billing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cloudmarket.shared.money.Money;

/**
 * Makes an invoice from what it bills, values in and values out (as Kill Bill's DefaultInvoiceGenerator):
 * no clock, no database, no number. Rounding follows DOMAIN, Decisions: Tax: unit prices kept to 4
 * decimals, each line rounded once, VAT per rate on the sum of the rounded lines (EN 16931 BR-CO-17).
 */
public final class InvoiceGenerator {

    /** Decimals of a unit price on an invoice line (EN 16931 allows more; the invoice_line column holds 4). */
    public static final int UNIT_PRICE_SCALE = 4;

    private InvoiceGenerator() {
    }

    public static InvoiceDraft generate(InvoiceInput input) {
        List<InvoiceDraftLine> lines = new ArrayList<>();
        for (BillableItem item : input.items()) {
            lines.add(line(lines.size() + 1, item, input));
        }
        List<TaxSubtotal> subtotals = subtotals(lines, input);
        Money net = Money.zero(input.currency());
        Money tax = Money.zero(input.currency());
        for (TaxSubtotal subtotal : subtotals) {
            net = net.plus(subtotal.taxable());
            tax = tax.plus(subtotal.tax());
        }
        return new InvoiceDraft(input.kind(), lines, subtotals, net, tax, net.plus(tax), input.tax().note());
    }

    /**
     * The credit note that cancels an invoice in full: every line, subtotal and total negated. Negating
     * rather than recomputing keeps it the exact opposite, cent for cent, of what was invoiced.
     */
    public static InvoiceDraft creditNoteFor(InvoiceDraft invoice) {
        if (invoice.kind() != InvoiceKind.INVOICE) {
            throw new IllegalArgumentException("Only an invoice is cancelled by a credit note, not a " + invoice.kind());
        }
        return new InvoiceDraft(InvoiceKind.CREDIT_NOTE, invoice.lines().stream().map(InvoiceDraftLine::negated).toList(),
                invoice.taxSubtotals().stream().map(TaxSubtotal::negated).toList(), invoice.net().times(-1),
                invoice.tax().times(-1), invoice.total().times(-1), invoice.note());
    }

    private static InvoiceDraftLine line(int position, BillableItem item, InvoiceInput input) {
        BigDecimal unitPrice = item.unitPrice().setScale(UNIT_PRICE_SCALE, RoundingMode.HALF_UP);
        // the amount a reader recomputes from the printed unit price, not from the unrounded one
        Money net = new Money(item.quantity().multiply(unitPrice), input.currency()).rounded();
        return new InvoiceDraftLine(position, item.proceedId(), item.kind(), item.description(), item.quantity(), unitPrice,
                net, input.tax().ratePercent(), input.tax().category());
    }

    /** One subtotal per (rate, category), in the order of their first line; its tax rounded once. */
    private static List<TaxSubtotal> subtotals(List<InvoiceDraftLine> lines, InvoiceInput input) {
        Map<List<Object>, List<InvoiceDraftLine>> byRate = new LinkedHashMap<>();
        for (InvoiceDraftLine line : lines) {
            byRate.computeIfAbsent(List.of(line.taxRate().stripTrailingZeros(), line.taxCategory()), key -> new ArrayList<>()).add(line);
        }
        List<TaxSubtotal> subtotals = new ArrayList<>();
        byRate.values().forEach(group -> {
            InvoiceDraftLine first = group.get(0);
            Money taxable = group.stream().map(InvoiceDraftLine::netAmount).reduce(Money.zero(input.currency()), Money::plus);
            // a percentage moves the point: exact, so the one rounding is this one
            Money tax = new Money(taxable.amount().multiply(first.taxRate()).movePointLeft(2), input.currency()).rounded();
            subtotals.add(new TaxSubtotal(first.taxRate(), first.taxCategory(), taxable, tax));
        });
        return subtotals;
    }
}
