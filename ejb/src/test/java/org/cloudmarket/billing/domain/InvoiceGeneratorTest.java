package org.cloudmarket.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cloudmarket.billing.domain.Parties.ACME_IT;
import static org.cloudmarket.billing.domain.Parties.GMBH_DE;
import static org.cloudmarket.billing.domain.Parties.ROSSI_IT;
import static org.cloudmarket.billing.domain.Parties.US_INC;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.cloudmarket.shared.money.Money;
import org.junit.jupiter.api.Test;

class InvoiceGeneratorTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final TaxPolicy POLICY = new TaxPolicy(Map.of());

    /**
     * DOMAIN, Tax: 10.00 + 3 h x 4.183333 (shown as 4.1833, 12.5499 -> 12.55) - 1.25 = 21.30 net at 22 %.
     * On the sum: 21.30 x 22 % = 4.686 -> 4.69. Per line it would be 2.20 + 2.76 - 0.28 = 4.68, a cent less.
     */
    @Test
    void vatIsTaxedOnceOnTheSumOfTheRoundedLinesNotPerLine() {
        InvoiceDraft draft = InvoiceGenerator.generate(invoice(ACME_IT, ROSSI_IT, EUR, threeLines()));

        assertThat(draft.lines()).extracting(line -> line.netAmount().amount().toPlainString())
                .containsExactly("10.00", "12.55", "-1.25");
        assertThat(draft.lines().get(1).unitPrice()).isEqualByComparingTo("4.1833");
        assertThat(draft.lines().get(1).unitPrice().scale()).isEqualTo(4);
        assertThat(draft.lines()).extracting(InvoiceDraftLine::position).containsExactly(1, 2, 3);
        assertThat(draft.taxSubtotals()).singleElement().satisfies(subtotal -> {
            assertThat(subtotal.rate()).isEqualByComparingTo("22");
            assertThat(subtotal.category()).isEqualTo("S");
            assertThat(subtotal.taxable()).isEqualTo(eur("21.30"));
            assertThat(subtotal.tax()).isEqualTo(eur("4.69"));
        });
        assertThat(draft.net()).isEqualTo(eur("21.30"));
        assertThat(draft.tax()).isEqualTo(eur("4.69"));
        assertThat(draft.total()).isEqualTo(eur("25.99"));
        assertThat(draft.note()).isNull();
    }

    @Test
    void aLinesNetIsItsProceedsAmountAndItStillMultiplies() {
        InvoiceDraft draft = InvoiceGenerator.generate(invoice(ACME_IT, ROSSI_IT, EUR, List.of(
                item(1L, ProceedKind.USAGE, "Storage, GB-hours", "1000", "0.00125"),
                item(2L, ProceedKind.USAGE, "Requests", "1", "0.125"))));

        // 1000 x 0.00125 = 1.25, the proceed's amount; 1000 x 0.0013 (its 4 decimals) would say 1.30: one unit at 1.25
        assertThat(draft.lines()).extracting(line -> line.unitPrice().toPlainString()).containsExactly("1.2500", "0.1250");
        assertThat(draft.lines()).extracting(line -> line.quantity().toPlainString()).containsExactly("1", "1");
        assertThat(draft.lines().get(0).description()).isEqualTo("Storage, GB-hours (1000 x 0.00125)");
        // 0.125 -> 0.13: half up, where half even would give 0.12
        assertThat(draft.lines()).extracting(line -> line.netAmount().amount().toPlainString()).containsExactly("1.25", "0.13");
    }

    /** The review's case: a 15 % markup on 0.0015/GB is 0.001725; 1000 GB are quoted, ordered and proceeded at 1.73. */
    @Test
    void aMarkedUpUnitPriceOfSixDecimalsKeepsTheQuotesAmount() {
        InvoiceDraft draft = InvoiceGenerator.generate(invoice(ACME_IT, ROSSI_IT, EUR, List.of(
                item(1L, ProceedKind.EXTRA_RESOURCE, "Storage", "1000", "0.001725"),
                item(2L, ProceedKind.LICENSE, "Nimbus Mail Pro", "1", "10.00"))));

        InvoiceDraftLine storage = draft.lines().get(0);
        assertThat(storage.netAmount().amount()).isEqualByComparingTo("1.73"); // not 1000 x 0.0017 = 1.70
        assertThat(storage.quantity().multiply(storage.unitPrice())).isEqualByComparingTo(storage.netAmount().amount());
        assertThat(storage.description()).isEqualTo("Storage (1000 x 0.001725)");
        assertThat(draft.net()).isEqualTo(eur("11.73"));
        // the credit note negates the same net, cent for cent
        assertThat(InvoiceGenerator.creditNoteFor(draft).net()).isEqualTo(eur("-11.73"));
    }

    @Test
    void aLineWhoseFourDecimalPriceGivesItsAmountShowsItsQuantityAndThatPrice() {
        InvoiceDraft draft = InvoiceGenerator.generate(invoice(ACME_IT, ROSSI_IT, EUR, List.of(
                item(1L, ProceedKind.PRORATION_DEBIT, "Extra mailbox, 3 hours", "3", "4.183333"))));

        assertThat(draft.lines()).singleElement().satisfies(line -> {
            assertThat(line.quantity()).isEqualByComparingTo("3");
            assertThat(line.unitPrice()).isEqualByComparingTo("4.1833");
            assertThat(line.netAmount().amount()).isEqualByComparingTo("12.55");
            assertThat(line.description()).isEqualTo("Extra mailbox, 3 hours");
        });
    }

    @Test
    void aGermanCompanyIsReverseChargedAtZeroWithTheNoteOnTheInvoice() {
        InvoiceDraft draft = InvoiceGenerator.generate(invoice(ACME_IT, GMBH_DE, EUR, threeLines()));

        assertThat(draft.tax()).isEqualTo(eur("0.00"));
        assertThat(draft.total()).isEqualTo(eur("21.30"));
        assertThat(draft.taxSubtotals()).singleElement().extracting(TaxSubtotal::category).isEqualTo("AE");
        assertThat(draft.lines()).allSatisfy(line -> {
            assertThat(line.taxCategory()).isEqualTo("AE");
            assertThat(line.taxRate()).isEqualByComparingTo("0");
        });
        assertThat(draft.note()).contains("art. 196 Directive 2006/112/EC");
    }

    @Test
    void aUsCustomerIsAnExportWithoutVat() {
        InvoiceDraft draft = InvoiceGenerator.generate(invoice(ACME_IT, US_INC, EUR, threeLines()));

        assertThat(draft.total()).isEqualTo(eur("21.30"));
        assertThat(draft.taxSubtotals()).singleElement().extracting(TaxSubtotal::category).isEqualTo("G");
        assertThat(draft.note()).contains("outside the EU");
    }

    @Test
    void yenHaveNoMinorUnitSoLinesAndTaxRoundToWholeYen() {
        Currency jpy = Currency.getInstance("JPY");
        InvoiceDraft draft = InvoiceGenerator.generate(invoice(ACME_IT, ROSSI_IT, jpy, List.of(
                BillableItem.priced(1L, ProceedKind.LICENSE, "Nimbus Mail Pro", BigDecimal.ONE, new BigDecimal("1480"), jpy),
                BillableItem.priced(2L, ProceedKind.PRORATION_DEBIT, "Extra mailbox, 3 h", new BigDecimal("3"), new BigDecimal("20.8333333"),
                        jpy))));

        // 3 x 20.8333333 = 62.4999999 -> 62 yen, and 3 x 20.8333 gives it too; 1542 x 22 % = 339.24 -> 339
        assertThat(draft.lines()).extracting(line -> line.netAmount().amount().toPlainString()).containsExactly("1480", "62");
        assertThat(draft.net()).isEqualTo(new Money(new BigDecimal("1542"), jpy));
        assertThat(draft.tax()).isEqualTo(new Money(new BigDecimal("339"), jpy));
        assertThat(draft.total()).isEqualTo(new Money(new BigDecimal("1881"), jpy));
    }

    @Test
    void aCreditNoteIsTheExactNegationOfTheInvoiceItCancels() {
        InvoiceDraft invoice = InvoiceGenerator.generate(invoice(ACME_IT, ROSSI_IT, EUR, threeLines()));

        InvoiceDraft credit = InvoiceGenerator.creditNoteFor(invoice);

        assertThat(credit.kind()).isEqualTo(InvoiceKind.CREDIT_NOTE);
        assertThat(credit.lines()).extracting(line -> line.netAmount().amount().toPlainString())
                .containsExactly("-10.00", "-12.55", "1.25");
        assertThat(credit.lines()).extracting(line -> line.quantity().toPlainString()).containsExactly("-1", "-3", "-1");
        assertThat(credit.lines()).extracting(InvoiceDraftLine::unitPrice).isEqualTo(invoice.lines().stream().map(InvoiceDraftLine::unitPrice).toList());
        assertThat(credit.lines()).extracting(InvoiceDraftLine::proceedId).containsExactly(1L, 2L, 3L);
        assertThat(credit.taxSubtotals()).singleElement().satisfies(subtotal -> {
            assertThat(subtotal.taxable()).isEqualTo(eur("-21.30"));
            assertThat(subtotal.tax()).isEqualTo(eur("-4.69"));
        });
        assertThat(credit.net()).isEqualTo(eur("-21.30"));
        assertThat(credit.tax()).isEqualTo(eur("-4.69"));
        assertThat(credit.total()).isEqualTo(eur("-25.99"));
        assertThat(credit.total().plus(invoice.total()).amount()).isEqualByComparingTo("0");
    }

    @Test
    void aCreditNoteCancelsAnInvoiceOnly() {
        InvoiceDraft credit = InvoiceGenerator.creditNoteFor(InvoiceGenerator.generate(invoice(ACME_IT, ROSSI_IT, EUR, threeLines())));

        assertThatThrownBy(() -> InvoiceGenerator.creditNoteFor(credit)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anInvoiceBillsAtLeastOneItem() {
        assertThatThrownBy(() -> invoice(ACME_IT, ROSSI_IT, EUR, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<BillableItem> threeLines() {
        return List.of(
                item(1L, ProceedKind.LICENSE, "Nimbus Mail Pro license", "1", "10.00"),
                item(2L, ProceedKind.PRORATION_DEBIT, "Extra mailbox, 3 hours", "3", "4.183333"),
                item(3L, ProceedKind.DISCOUNT, "Coupon WELCOME", "1", "-1.25"));
    }

    private static InvoiceInput invoice(Party issuer, Party customer, Currency currency, List<BillableItem> items) {
        return new InvoiceInput(InvoiceKind.INVOICE, issuer, customer, currency, items, POLICY.treatment(issuer, customer));
    }

    private static BillableItem item(Long proceedId, ProceedKind kind, String description, String quantity, String unitPrice) {
        // priced as the quote prices a line: quantity x the exact unit price, rounded once
        return BillableItem.priced(proceedId, kind, description, new BigDecimal(quantity), new BigDecimal(unitPrice), EUR);
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }
}
