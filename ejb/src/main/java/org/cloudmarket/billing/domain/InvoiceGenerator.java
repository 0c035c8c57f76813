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
 * <p>
 * A line is rounded once, where it was priced: its net amount IS the item's (the proceed's) amount, the one the
 * quote and the order line show, so an invoice's net is exactly the sum of its proceeds. The line still multiplies
 * (quantity x unit price = net, DOMAIN): it shows the item's quantity and its unit price at 4 decimals when
 * that product rounds to the amount (a prorated 4.183333 x 3 is shown as 3 x 4.1833 = 12.55); when it does not
 * (1000 GB x 0.001725 = 1.725 -> 1.73, but 1000 x 0.0017 = 1.70), the line is carried as 1 x the amount, and its
 * description names the exact quantity and unit price ("(1000 x 0.001725)"), so no cent is lost or invented.
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
        Money net = new Money(item.amount(), input.currency()).rounded();
        BigDecimal unitPrice = item.unitPrice().setScale(UNIT_PRICE_SCALE, RoundingMode.HALF_UP);
        if (new Money(item.quantity().multiply(unitPrice), input.currency()).rounded().equals(net)) {
            return new InvoiceDraftLine(position, item.proceedId(), item.kind(), item.description(), item.quantity(), unitPrice,
                    net, input.tax().ratePercent(), input.tax().category());
        }
        // the printed unit price would not give the amount: one unit at the amount, the exact terms in the description
        String exact = item.description() + " (" + item.quantity().stripTrailingZeros().toPlainString() + " x "
                + item.unitPrice().stripTrailingZeros().toPlainString() + ")";
        return new InvoiceDraftLine(position, item.proceedId(), item.kind(), exact, BigDecimal.ONE,
                net.amount().setScale(UNIT_PRICE_SCALE, RoundingMode.UNNECESSARY), net, input.tax().ratePercent(), input.tax().category());
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
