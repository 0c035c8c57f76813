package org.cloudmarket.billing.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.cloudmarket.shared.error.Conflict;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.money.Decimals;
import org.cloudmarket.shared.money.Money;

/**
 * The credit note of a refund (DOMAIN, Billing: an issued invoice is never edited, a refund is a credit invoice that
 * references it). Values in, values out: the paid invoice's lines with what earlier refunds credited of each, the
 * lines asked for (or all that is left), and the answer is the credit note's draft, its lines negated, VAT per rate
 * by {@link InvoiceGenerator}.
 * <ul>
 *   <li>An amount is the line's net (before VAT), more than 0, in the currency's minor unit, and at most the line's
 *   net (else 422 {@code amount}); a line named twice, or not on the invoice, is a 422 {@code lineId}; a line with a
 *   negative net (a discount, a proration credit) is refunded only with the rest of the invoice (omitted lines).</li>
 *   <li>Never more than what is left (409): a line's amount at most its net less what was credited of it, and the
 *   refund's net at most the invoice's net less every earlier refund's (a discount line lowers what may be refunded).</li>
 *   <li>Lines omitted: everything left of every line, negative ones included, so the invoice's refunds add up to it.
 *   Nothing left is a 409.</li>
 *   <li>VAT: per rate on the refunded lines; never more than the rate's VAT left, and exactly what is left when the
 *   refund leaves nothing of the invoice, so the refunds' VAT adds up to the invoice's cent for cent.</li>
 * </ul>
 */
public final class RefundNotes {

    private RefundNotes() {
    }

    /** A line of the paid invoice, with the net earlier credit notes took of it (same sign as its net, 0 when none). */
    public record PaidLine(long lineId, Long proceedId, ProceedKind kind, String description, BigDecimal quantity, BigDecimal unitPrice,
                           BigDecimal net, BigDecimal taxRate, String taxCategory, BigDecimal credited) {
        public PaidLine {
            Objects.requireNonNull(net, "net");
            Objects.requireNonNull(credited, "credited");
        }

        BigDecimal left() {
            return net.subtract(credited);
        }
    }

    /** A line asked for, with its net amount to refund. */
    public record Asked(Long lineId, BigDecimal amount) {
    }

    /**
     * The paid invoice as the refund needs it: its parties, currency and note, lines, VAT and the VAT earlier refunds
     * credited (positive amounts, per rate).
     */
    public record Paid(Party issuer, Party customer, Currency currency, String taxNote, List<PaidLine> lines, List<TaxSubtotal> taxes,
                       List<TaxSubtotal> creditedTaxes) {
        public Paid {
            lines = List.copyOf(lines);
            taxes = List.copyOf(taxes);
            creditedTaxes = List.copyOf(creditedTaxes);
        }
    }

    public static InvoiceDraft creditNote(Paid paid, Optional<List<Asked>> asked) {
        Map<Long, BigDecimal> refunds = asked.isPresent() ? checked(paid, asked.get()) : everythingLeft(paid);
        if (refunds.values().stream().allMatch(amount -> amount.signum() == 0)) {
            throw new Conflict("Nothing is left to refund of this invoice");
        }
        BigDecimal net = refunds.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal netLeft = paid.lines().stream().map(PaidLine::left).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (net.compareTo(netLeft) > 0) {
            throw new Conflict("amount", "At most " + netLeft.toPlainString() + " " + paid.currency().getCurrencyCode()
                    + " (net) is left to refund of this invoice");
        }
        boolean leavesNothing = paid.lines().stream()
                .allMatch(line -> line.left().compareTo(refunds.getOrDefault(line.lineId(), BigDecimal.ZERO)) == 0);
        return withVatLeft(paid, generated(paid, refunds), leavesNothing);
    }

    private static Map<Long, BigDecimal> checked(Paid paid, List<Asked> asked) {
        if (asked.isEmpty()) {
            throw new InvalidInput("lines", "lines names at least one line, or is left out to refund everything left");
        }
        Map<Long, PaidLine> byId = new LinkedHashMap<>();
        paid.lines().forEach(line -> byId.put(line.lineId(), line));
        Map<Long, BigDecimal> refunds = new LinkedHashMap<>();
        Set<Long> seen = new HashSet<>();
        for (Asked one : asked) {
            PaidLine line = one.lineId() == null ? null : byId.get(one.lineId());
            if (line == null || !seen.add(one.lineId())) {
                throw new InvalidInput("lineId", "lineId names each line of this invoice at most once");
            }
            if (line.net().signum() <= 0) {
                throw new InvalidInput("lineId", "A discount or credit line is refunded only with the rest of the invoice (lines left out)");
            }
            BigDecimal amount = Decimals.bounded("amount", one.amount());
            if (amount == null || amount.signum() <= 0 || amount.stripTrailingZeros().scale() > paid.currency().getDefaultFractionDigits()
                    || amount.compareTo(line.net()) > 0) {
                throw new InvalidInput("amount", "amount is more than 0, at most the line's net " + line.net().toPlainString()
                        + ", with at most " + paid.currency().getDefaultFractionDigits() + " decimals");
            }
            if (amount.compareTo(line.left()) > 0) {
                throw new Conflict("amount", "At most " + line.left().toPlainString() + " is left to refund of line " + line.lineId());
            }
            refunds.put(line.lineId(), amount);
        }
        return refunds;
    }

    private static Map<Long, BigDecimal> everythingLeft(Paid paid) {
        Map<Long, BigDecimal> refunds = new LinkedHashMap<>();
        paid.lines().forEach(line -> refunds.put(line.lineId(), line.left()));
        return refunds;
    }

    /** The refunded lines negated (a whole line keeps its quantity and unit price; a part is 1 x the amount), VAT per rate. */
    private static InvoiceDraft generated(Paid paid, Map<Long, BigDecimal> refunds) {
        Map<List<Object>, List<BillableItem>> byRate = new LinkedHashMap<>();
        for (PaidLine line : paid.lines()) {
            BigDecimal amount = refunds.getOrDefault(line.lineId(), BigDecimal.ZERO);
            if (amount.signum() == 0) {
                continue;
            }
            boolean whole = amount.compareTo(line.net()) == 0;
            BillableItem item = whole
                    ? new BillableItem(line.proceedId(), line.kind(), "Refund: " + line.description(), line.quantity().negate(),
                            line.unitPrice(), amount.negate())
                    : new BillableItem(line.proceedId(), line.kind(), "Partial refund: " + line.description(), BigDecimal.ONE.negate(),
                            amount, amount.negate());
            byRate.computeIfAbsent(List.of(line.taxRate().stripTrailingZeros(), line.taxCategory()), key -> new ArrayList<>()).add(item);
        }
        List<InvoiceDraftLine> lines = new ArrayList<>();
        List<TaxSubtotal> subtotals = new ArrayList<>();
        byRate.forEach((rate, items) -> {
            TaxTreatment treatment = new TaxTreatment((BigDecimal) rate.get(0), (String) rate.get(1), paid.taxNote());
            InvoiceDraft part = InvoiceGenerator.generate(new InvoiceInput(InvoiceKind.CREDIT_NOTE, paid.issuer(), paid.customer(),
                    paid.currency(), items, treatment));
            part.lines().forEach(line -> lines.add(new InvoiceDraftLine(lines.size() + 1, line.proceedId(), line.kind(), line.description(),
                    line.quantity(), line.unitPrice(), line.netAmount(), line.taxRate(), line.taxCategory())));
            subtotals.addAll(part.taxSubtotals());
        });
        return draft(paid, lines, subtotals);
    }

    /** Each rate's VAT at most what is left of it (credits are negative: at least minus what is left), all of it when nothing stays. */
    private static InvoiceDraft withVatLeft(Paid paid, InvoiceDraft credit, boolean leavesNothing) {
        List<TaxSubtotal> subtotals = new ArrayList<>();
        for (TaxSubtotal subtotal : credit.taxSubtotals()) {
            Money left = sum(paid.taxes(), subtotal).minus(sum(paid.creditedTaxes(), subtotal)).rounded();
            Money tax = leavesNothing || subtotal.tax().times(-1).amount().compareTo(left.amount()) > 0 ? left.times(-1) : subtotal.tax();
            subtotals.add(new TaxSubtotal(subtotal.rate(), subtotal.category(), subtotal.taxable(), tax));
        }
        return draft(paid, credit.lines(), subtotals);
    }

    private static Money sum(List<TaxSubtotal> taxes, TaxSubtotal of) {
        return taxes.stream().filter(tax -> tax.rate().compareTo(of.rate()) == 0 && tax.category().equals(of.category()))
                .map(TaxSubtotal::tax).reduce(Money.zero(of.tax().currency()), Money::plus);
    }

    private static InvoiceDraft draft(Paid paid, List<InvoiceDraftLine> lines, List<TaxSubtotal> subtotals) {
        Money net = Money.zero(paid.currency());
        Money tax = Money.zero(paid.currency());
        for (TaxSubtotal subtotal : subtotals) {
            net = net.plus(subtotal.taxable());
            tax = tax.plus(subtotal.tax());
        }
        return new InvoiceDraft(InvoiceKind.CREDIT_NOTE, lines, subtotals, net, tax, net.plus(tax), paid.taxNote());
    }
}
