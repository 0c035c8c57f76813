package org.cloudmarket.web.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.cloudmarket.shared.error.InvalidInput;
import org.junit.jupiter.api.Test;

/** The back-office buying pages' own reading of the deposit slip's fields (whose queue an order is in is SaleActors', tested there). */
class BuyingPagesRulesTest {

    @Test
    void theDepositSlipsDayAndAmountAreReadAsTypedOrRefusedByField() {
        assertThat(InvoicesDesk.day(" 2026-12-01 ")).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(InvoicesDesk.day("")).isNull();
        assertThatThrownBy(() -> InvoicesDesk.day("1/12/2026")).isInstanceOf(InvalidInput.class)
                .hasFieldOrPropertyWithValue("field", "date");
        assertThat(InvoicesDesk.amount("63.50")).isEqualByComparingTo(new BigDecimal("63.50"));
        assertThat(InvoicesDesk.amount(" ")).isNull();
        assertThatThrownBy(() -> InvoicesDesk.amount("1e999999999")).isInstanceOf(InvalidInput.class)
                .hasFieldOrPropertyWithValue("field", "amount");
    }
}
