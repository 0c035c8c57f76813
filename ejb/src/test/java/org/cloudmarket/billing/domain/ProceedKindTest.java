package org.cloudmarket.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Review 11, 2.3: which proceeds a period holds once whatever order asks, and which stay keyed by their order. */
class ProceedKindTest {

    @Test
    void thePeriodsOwnKindsAreBilledOnceAndProrationsAndUsageStayPerOrder() {
        assertThat(ProceedKind.periodKinds()).containsExactly(ProceedKind.LICENSE, ProceedKind.SETUP_FEE, ProceedKind.EXTRA_RESOURCE,
                ProceedKind.DISCOUNT, ProceedKind.BUNDLE_DISCOUNT, ProceedKind.TRIAL_COST);
        assertThat(ProceedKind.PRORATION_CREDIT.billedOncePerPeriod()).isFalse();
        assertThat(ProceedKind.PRORATION_DEBIT.billedOncePerPeriod()).isFalse();
        assertThat(ProceedKind.USAGE.billedOncePerPeriod()).isFalse();
    }

    /** Issue 13: a month of a trial's cost is charged once per subscription, as billing-fixes.xml's key (period_order_key 0) holds. */
    @Test
    void aTrialsMonthlyCostIsBilledOncePerPeriod() {
        assertThat(ProceedKind.TRIAL_COST.billedOncePerPeriod()).isTrue();
    }
}
