package org.cloudmarket.subscription.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 12, Quotas: a quota stop waits for the upgrade and, unlike an unpaid one, never leads on to UNDEPLOY_SENT. */
class StopReasonTest {

    @Test
    void onlyAnUnpaidStopLeadsOnToUndeploySent() {
        assertThat(StopReason.UNPAID.leadsToUndeploy()).isTrue();
        assertThat(StopReason.QUOTA.leadsToUndeploy()).isFalse();
    }
}
