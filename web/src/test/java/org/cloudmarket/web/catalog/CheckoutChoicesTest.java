package org.cloudmarket.web.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cloudmarket.web.catalog.CheckoutChoices.Method;
import org.junit.jupiter.api.Test;

class CheckoutChoicesTest {

    @Test
    void durationsAreTwelveMultiplesOfTheMinimumTerm() {
        assertThat(CheckoutChoices.durations(1)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        assertThat(CheckoutChoices.durations(12)).startsWith(12, 24, 36).endsWith(144).hasSize(12);
        assertThat(CheckoutChoices.durations(0)).startsWith(1, 2);
    }

    @Test
    void methodsAreThePlansTheMarketplaceAllowsAndOnlyBankTransferIsUsable() {
        assertThat(CheckoutChoices.methods(List.of("CARD", "BANK_TRANSFER"), CheckoutPage.marketplaceMethods(null)))
                .containsExactly(new Method("CARD", false), new Method("BANK_TRANSFER", true));
        assertThat(CheckoutChoices.methods(List.of("CARD", "PAYPAL", "BANK_TRANSFER"), CheckoutPage.marketplaceMethods(" bank_transfer , PAYPAL")))
                .containsExactly(new Method("PAYPAL", false), new Method("BANK_TRANSFER", true));
        assertThat(CheckoutChoices.methods(List.of("CARD"), CheckoutPage.marketplaceMethods("BANK_TRANSFER"))).isEmpty();
    }

    @Test
    void theFirstUsableMethodIsPreselected() {
        assertThat(CheckoutChoices.preselected(CheckoutChoices.methods(List.of("CARD", "BANK_TRANSFER"), CheckoutPage.marketplaceMethods(null)))).isEqualTo("BANK_TRANSFER");
        assertThat(CheckoutChoices.preselected(CheckoutChoices.methods(List.of("CARD"), CheckoutPage.marketplaceMethods(null)))).isNull();
    }

    @Test
    void anUnknownMethodIsTheFieldsRefusal() {
        assertThat(CheckoutChoices.method("BANK_TRANSFER")).isEqualTo(org.cloudmarket.catalog.domain.PaymentMethod.BANK_TRANSFER);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CheckoutChoices.method("BITCOIN"))
                .isInstanceOf(org.cloudmarket.shared.error.InvalidInput.class).hasFieldOrPropertyWithValue("field", "paymentMethod");
    }
}
