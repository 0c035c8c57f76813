package org.cloudmarket.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Review 11, 2.3: which proceeds a period holds once whatever order asks, and which stay keyed by their order. */
class ProceedKindTest {

    @Test
    void thePeriodsOwnKindsAreBilledOnceAndProrationsAndUsageStayPerOrder() {
        assertThat(ProceedKind.periodKinds()).containsExactly(ProceedKind.LICENSE, ProceedKind.SETUP_FEE, ProceedKind.EXTRA_RESOURCE,
                ProceedKind.DISCOUNT, ProceedKind.BUNDLE_DISCOUNT);
        assertThat(ProceedKind.PRORATION_CREDIT.billedOncePerPeriod()).isFalse();
        assertThat(ProceedKind.PRORATION_DEBIT.billedOncePerPeriod()).isFalse();
        assertThat(ProceedKind.USAGE.billedOncePerPeriod()).isFalse();
    }
}
