package org.cloudmarket.web.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.shared.error.InvalidInput;
import org.junit.jupiter.api.Test;

/** The back-office buying pages' own rules: whose queue an order waiting for approval is in, and the deposit slip's fields. */
class BuyingPagesRulesTest {

    @Test
    void theResellerAuditsItsStorefrontsOrdersTheVendorTheMarketplacesAndStaffAny() {
        assertThat(AuditorQueue.decides(Role.RESELLER, 7L)).isTrue();
        assertThat(AuditorQueue.decides(Role.VENDOR, null)).isTrue();
        assertThat(AuditorQueue.decides(Role.VENDOR, 7L)).as("a reseller's sale of the vendor's product").isFalse();
        assertThat(AuditorQueue.decides(Role.ADMIN, 7L)).isTrue();
        assertThat(AuditorQueue.decides(Role.SUPERVISOR, null)).isTrue();
        assertThat(AuditorQueue.decides(Role.DISTRIBUTOR, 7L)).isFalse();
        assertThat(AuditorQueue.decides(Role.CUSTOMER, null)).isFalse();
        assertThat(AuditorQueue.decides(null, null)).isFalse();
    }

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
