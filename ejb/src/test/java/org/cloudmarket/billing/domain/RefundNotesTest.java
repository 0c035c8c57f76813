package org.cloudmarket.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.cloudmarket.billing.domain.RefundNotes.Asked;
import org.cloudmarket.billing.domain.RefundNotes.Paid;
import org.cloudmarket.billing.domain.RefundNotes.PaidLine;
import org.cloudmarket.shared.error.Conflict;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.money.Money;
import org.junit.jupiter.api.Test;

/** Issue 13: refunds are credit notes of what is left, VAT per rate, never more than the invoice. */
class RefundNotesTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final BigDecimal VAT = new BigDecimal("22.00");

    /** 3 x 4.1833 = 12.55 and a 10.00 license, less a 2.00 discount: net 20.55, VAT 4.52, total 25.07. */
    private static List<PaidLine> lines(String creditedUsers, String creditedLicense, String creditedDiscount) {
        return List.of(
                new PaidLine(11, 101L, ProceedKind.EXTRA_RESOURCE, "Users", new BigDecimal("3"), new BigDecimal("4.1833"),
                        new BigDecimal("12.55"), VAT, "S", new BigDecimal(creditedUsers)),
                new PaidLine(12, 102L, ProceedKind.LICENSE, "License", BigDecimal.ONE, new BigDecimal("10.0000"), new BigDecimal("10.00"), VAT,
                        "S", new BigDecimal(creditedLicense)),
                new PaidLine(13, 103L, ProceedKind.DISCOUNT, "Coupon", BigDecimal.ONE, new BigDecimal("-2.0000"), new BigDecimal("-2.00"), VAT,
                        "S", new BigDecimal(creditedDiscount)));
    }

    private static Paid paid(List<PaidLine> lines, String creditedTax) {
        return new Paid(Parties.ACME_IT, Parties.ROSSI_IT, EUR, null, lines,
                List.of(new TaxSubtotal(VAT, "S", money("20.55"), money("4.52"))),
                creditedTax == null ? List.of() : List.of(new TaxSubtotal(VAT, "S", money("0"), money(creditedTax))));
    }

    @Test
    void aWholeRefundNegatesEveryLineAndTheInvoicesVatExactly() {
        InvoiceDraft credit = RefundNotes.creditNote(paid(lines("0", "0", "0"), null), Optional.empty());

        assertThat(credit.kind()).isEqualTo(InvoiceKind.CREDIT_NOTE);
        assertThat(credit.lines()).extracting(InvoiceDraftLine::quantity).containsExactly(new BigDecimal("-3"), new BigDecimal("-1"),
                new BigDecimal("-1"));
        assertThat(credit.lines()).extracting(line -> line.netAmount().amount().toPlainString()).containsExactly("-12.55", "-10.00", "2.00");
        assertThat(credit.lines()).extracting(InvoiceDraftLine::proceedId).containsExactly(101L, 102L, 103L);
        assertThat(credit.net()).isEqualTo(money("-20.55"));
        assertThat(credit.tax()).isEqualTo(money("-4.52"));
        assertThat(credit.total()).isEqualTo(money("-25.07"));
    }

    @Test
    void aPartThenTheRestAddUpToTheInvoiceCentForCent() {
        // 0.07 refunded of the license: VAT 0.0154 -> 0.02
        InvoiceDraft part = RefundNotes.creditNote(paid(lines("0", "0", "0"), null), Optional.of(List.of(new Asked(12L, new BigDecimal("0.07")))));
        assertThat(part.lines()).singleElement().satisfies(line -> {
            assertThat(line.quantity()).isEqualByComparingTo("-1");
            assertThat(line.unitPrice()).isEqualByComparingTo("0.07");
            assertThat(line.description()).isEqualTo("Partial refund: License");
        });
        assertThat(part.total()).isEqualTo(money("-0.09"));

        InvoiceDraft rest = RefundNotes.creditNote(paid(lines("0", "0.07", "0"), "0.02"), Optional.empty());
        assertThat(rest.net()).isEqualTo(money("-20.48"));
        assertThat(rest.tax()).as("the VAT left, not 22% of 20.48 = 4.51").isEqualTo(money("-4.50"));
        assertThat(rest.total().plus(part.total())).isEqualTo(money("-25.07"));
    }

    @Test
    void theLastRefundTakesTheVatLeftEvenWhenItsOwnRoundsToLess() {
        // 0.05 at 10%: VAT 0.005 -> 0.01; refunded as 0.02 (0.002 -> 0.00), then 0.03 (0.003 -> 0.00, but 0.01 is left)
        BigDecimal ten = new BigDecimal("10.00");
        PaidLine line = new PaidLine(21, 201L, ProceedKind.LICENSE, "Tiny", BigDecimal.ONE, new BigDecimal("0.0500"),
                new BigDecimal("0.05"), ten, "S", new BigDecimal("0.02"));
        Paid paid = new Paid(Parties.ACME_IT, Parties.ROSSI_IT, EUR, null, List.of(line),
                List.of(new TaxSubtotal(ten, "S", money("0.05"), money("0.01"))), List.of(new TaxSubtotal(ten, "S", money("0"), money("0"))));

        InvoiceDraft rest = RefundNotes.creditNote(paid, Optional.empty());

        assertThat(rest.net()).isEqualTo(money("-0.03"));
        assertThat(rest.tax()).isEqualTo(money("-0.01"));
    }

    @Test
    void neverMoreThanIsLeftOfALineOrOfTheInvoice() {
        assertThatThrownBy(() -> RefundNotes.creditNote(paid(lines("0", "9.00", "0"), "1.98"),
                Optional.of(List.of(new Asked(12L, new BigDecimal("1.01"))))))
                .isInstanceOf(Conflict.class).extracting("field").isEqualTo("amount");
        // the lines' nets are 22.55 but the invoice's 20.55 (the discount): 12.55 + 10.00 is more than is left
        assertThatThrownBy(() -> RefundNotes.creditNote(paid(lines("0", "0", "0"), null),
                Optional.of(List.of(new Asked(11L, new BigDecimal("12.55")), new Asked(12L, new BigDecimal("10.00"))))))
                .isInstanceOf(Conflict.class).hasMessageContaining("20.55");
        assertThatThrownBy(() -> RefundNotes.creditNote(paid(lines("12.55", "10.00", "-2.00"), "4.52"), Optional.empty()))
                .isInstanceOf(Conflict.class).hasMessageContaining("Nothing is left");
    }

    @Test
    void badAmountsAndLinesAreRefusedNamingTheField() {
        Paid paid = paid(lines("0", "0", "0"), null);
        for (String amount : List.of("0", "-1", "0.001", "10.01", "1e999999999")) {
            assertThatThrownBy(() -> RefundNotes.creditNote(paid, Optional.of(List.of(new Asked(12L, new BigDecimal(amount))))))
                    .as(amount).isInstanceOf(InvalidInput.class).extracting("field").isEqualTo("amount");
        }
        assertThatThrownBy(() -> RefundNotes.creditNote(paid, Optional.of(List.of(new Asked(12L, null)))))
                .isInstanceOf(InvalidInput.class).extracting("field").isEqualTo("amount");
        for (List<Asked> asked : List.of(List.of(new Asked(99L, BigDecimal.ONE)), List.of(new Asked(null, BigDecimal.ONE)),
                List.of(new Asked(13L, BigDecimal.ONE)), List.of(new Asked(12L, BigDecimal.ONE), new Asked(12L, BigDecimal.ONE)))) {
            assertThatThrownBy(() -> RefundNotes.creditNote(paid, Optional.of(asked))).as("%s", asked)
                    .isInstanceOf(InvalidInput.class).extracting("field").isEqualTo("lineId");
        }
        assertThatThrownBy(() -> RefundNotes.creditNote(paid, Optional.of(List.of())))
                .isInstanceOf(InvalidInput.class).extracting("field").isEqualTo("lines");
    }

    private static Money money(String amount) {
        return new Money(new BigDecimal(amount), EUR).rounded();
    }
}
