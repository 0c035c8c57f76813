package org.cloudmarket.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.cloudmarket.shared.error.InvalidInput;
import org.junit.jupiter.api.Test;

/** The marketplace's billing settings and their defaults (BUYING-CONTRACT, Marketplace settings). */
class BillingSettingsTest {

    @Test
    void absentSettingsAreTheContractsDefaults() {
        BillingSettings defaults = BillingSettings.of(Map.of());

        assertThat(defaults.platformFeePercent()).isEqualByComparingTo("0");
        assertThat(defaults.selfBilling()).isEqualTo(BillingSettings.SelfBillingMode.PER_PLAN);
        assertThat(defaults.liveReporting()).isFalse();
        assertThat(defaults.paymentTermsDays()).isEqualTo(30);
        assertThat(defaults.daysAfterFirstPaymentExpires()).isEqualTo(3);
    }

    @Test
    void settingsAreReadByTheirKeys() {
        BillingSettings set = BillingSettings.of(Map.of("billing.platformFee", "12.5", "billing.selfBilling", "disabled",
                "billing.liveReporting", "true", "billing.paymentTermsDays", "15", "billing.daysAfterFirstPaymentExpires", "5"));

        assertThat(set.platformFeePercent()).isEqualByComparingTo("12.5");
        assertThat(set.selfBilling()).isEqualTo(BillingSettings.SelfBillingMode.DISABLED);
        assertThat(set.liveReporting()).isTrue();
        assertThat(set.paymentTermsDays()).isEqualTo(15);
        assertThat(set.daysAfterFirstPaymentExpires()).isEqualTo(5);
    }

    @Test
    void theMarketplaceSwitchDecidesOverThePlansFlag() {
        assertThat(BillingSettings.of(Map.of()).selfBilled(true, false)).isTrue();
        assertThat(BillingSettings.of(Map.of()).selfBilled(false, true)).as("a reseller's self-billed list").isTrue();
        assertThat(BillingSettings.of(Map.of()).selfBilled(false, false)).isFalse();
        assertThat(BillingSettings.of(Map.of("billing.selfBilling", "ENABLED")).selfBilled(false, false)).isTrue();
        assertThat(BillingSettings.of(Map.of("billing.selfBilling", "DISABLED")).selfBilled(true, true)).isFalse();
    }

    @Test
    void aBadValueNamesItsKey() {
        assertThatThrownBy(() -> BillingSettings.of(Map.of("billing.platformFee", "101")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.getMessage()).contains("billing.platformFee"));
        assertThatThrownBy(() -> BillingSettings.of(Map.of("billing.selfBilling", "SOMETIMES")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.getMessage()).contains("billing.selfBilling"));
        assertThatThrownBy(() -> BillingSettings.of(Map.of("billing.paymentTermsDays", "-1")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.getMessage()).contains("billing.paymentTermsDays"));
    }
}
