package org.cloudmarket.ordering.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import org.cloudmarket.catalog.domain.PaymentMethod;
import org.junit.jupiter.api.Test;

/** The marketplace's ordering settings and their defaults (BUYING-CONTRACT). */
class OrderingSettingsTest {

    @Test
    void withoutSettingsNoApprovalPushOrdersAutoApprovedEveryMethod() {
        OrderingSettings settings = OrderingSettings.of(Map.of());

        assertThat(settings.approval()).isFalse();
        assertThat(settings.pushAutoApproval()).isTrue();
        assertThat(settings.paymentMethods()).isEqualTo(EnumSet.allOf(PaymentMethod.class));
    }

    @Test
    void theSettingsSwitchApprovalOnAutoApprovalOffAndNarrowTheMethods() {
        OrderingSettings settings = OrderingSettings.of(Map.of("ordering.approval", "true", "ordering.pushAutoApproval", "false",
                "payments.methods", "bank_transfer, CARD,unknown"));

        assertThat(settings.approval()).isTrue();
        assertThat(settings.pushAutoApproval()).isFalse();
        assertThat(settings.paymentMethods()).containsExactlyInAnyOrder(PaymentMethod.BANK_TRANSFER, PaymentMethod.CARD);
    }
}
