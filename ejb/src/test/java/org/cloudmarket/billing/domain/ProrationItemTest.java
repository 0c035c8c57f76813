package org.cloudmarket.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.cloudmarket.pricing.BillingPeriod;
import org.cloudmarket.pricing.ExtraResourceBilling;
import org.cloudmarket.pricing.ExtraResourcePricing;
import org.cloudmarket.pricing.PricingScheme;
import org.cloudmarket.pricing.Tier;
import org.cloudmarket.pricing.TierTable;
import org.cloudmarket.subscription.domain.PricedChange;
import org.cloudmarket.subscription.domain.QuantityChange;
import org.junit.jupiter.api.Test;

/** A proration pair, invoiced: the invoice's lines give DOMAIN's prorated amounts, each rounded once. */
class ProrationItemTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    private static final BillingPeriod PERIOD = new BillingPeriod(START, START.plusSeconds(720 * 3600L));

    private static ExtraResourcePricing storage(String unitPrice) {
        return new ExtraResourcePricing("storage", "Storage", "TB", PricingScheme.VOLUME,
                new TierTable(List.of(new Tier(1, null, new BigDecimal(unitPrice)))), ExtraResourceBilling.PRE_PAID);
    }

    private static InvoiceDraft invoiced(PricedChange change) {
        List<BillableItem> items = change.lines().stream().map(ProrationItem::of)
                .map(item -> new BillableItem(null, ProceedKind.PRORATION_DEBIT, item.description(), item.quantity(), item.unitPrice(),
                        item.amount()))
                .toList();
        return InvoiceGenerator.generate(new InvoiceInput(InvoiceKind.INVOICE, Parties.ACME_IT, Parties.ROSSI_IT, EUR, items,
                TaxPolicy.fromSettings(Map.of()).treatment(Parties.ACME_IT, Parties.ROSSI_IT)));
    }

    @Test
    void anUpgradeWith101Of720HoursLeftIsInvoicedAtTheFormulasAmounts() {
        // 100 h 30 min left: 101 hours, rounded up; 3 -> 5 units at 2.50
        PricedChange change = QuantityChange.price(storage("2.50"), EUR, PERIOD, PERIOD.end().minusSeconds(100 * 3600L + 1800), 3, 5);

        InvoiceDraft invoice = invoiced(change);

        assertThat(invoice.lines()).extracting(line -> line.netAmount().amount())
                .containsExactly(new BigDecimal("-1.05"), new BigDecimal("1.75")); // 7.50 x 101/720 = 1.0521, 12.50 x 101/720 = 1.7535
        assertThat(change.lines()).extracting(line -> line.amount().amount()).containsExactly(new BigDecimal("-1.05"), new BigDecimal("1.75"));
        assertThat(invoice.net().amount()).isEqualByComparingTo("0.70");
        assertThat(ProrationItem.of(change.lines().get(0)).description()).isEqualTo("Credit: extra:storage x 3, 101 of 720 hours left");
    }

    @Test
    void domainsWorkedExampleKeepsItsCentOnTheInvoice() {
        // DOMAIN.md, Tax: a prorated 4.183333 unit (12.55 x 240/720) is shown as 4.1833 with the rounded amount 4.18
        PricedChange change = QuantityChange.price(storage("12.55"), EUR, PERIOD, PERIOD.end().minusSeconds(240 * 3600L), 0, 1);

        InvoiceDraft invoice = invoiced(change);

        assertThat(invoice.lines()).extracting(line -> line.unitPrice()).last().isEqualTo(new BigDecimal("4.1833"));
        assertThat(invoice.lines()).extracting(line -> line.netAmount().amount()).last().isEqualTo(new BigDecimal("4.18"));
    }

    /** 12.34951 x 72/720 = 1.234951: the proceed says 1.23, while its 4-decimal price 1.2350 would round to 1.24. */
    @Test
    void aScaledPriceAtAHalfCentBoundaryIsInvoicedAtTheProceedsAmount() {
        PricedChange change = QuantityChange.price(storage("12.34951"), EUR, PERIOD, PERIOD.end().minusSeconds(72 * 3600L), 0, 1);
        ProrationItem item = ProrationItem.of(change.lines().get(change.lines().size() - 1));
        assertThat(item.amount()).isEqualByComparingTo("1.23");

        InvoiceDraft invoice = invoiced(change);

        InvoiceDraftLine line = invoice.lines().get(invoice.lines().size() - 1);
        assertThat(line.netAmount().amount()).isEqualByComparingTo("1.23");
        assertThat(line.quantity().multiply(line.unitPrice())).isEqualByComparingTo("1.23");
        assertThat(invoice.net().amount()).isEqualByComparingTo(change.lines().stream().map(l -> l.amount().amount())
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add));
    }
}
