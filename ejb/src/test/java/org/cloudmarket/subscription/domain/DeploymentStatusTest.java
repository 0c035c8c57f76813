package org.cloudmarket.subscription.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloudmarket.subscription.domain.DeploymentStatus.*;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one transition table of the lifecycle (DOMAIN.md, Orders and subscriptions), move by move. */
class DeploymentStatusTest {

    private static final Map<DeploymentStatus, Set<DeploymentStatus>> TABLE = Map.of(
            REQUIRES_APPROVAL, EnumSet.of(REJECTED, WAITING_PAYMENT, PENDING),
            WAITING_PAYMENT, EnumSet.of(PENDING, PAYMENT_EXPIRED, UNDEPLOY_SENT),
            PENDING, EnumSet.of(DEPLOYED, FAILED, UNDEPLOY_SENT),
            DEPLOYED, EnumSet.of(STOPPED, UNDEPLOY_SENT, FAILED),
            FAILED, EnumSet.of(DEPLOYED, PENDING, UNDEPLOY_SENT),
            STOPPED, EnumSet.of(DEPLOYED, UNDEPLOY_SENT),
            UNDEPLOY_SENT, EnumSet.of(UNDEPLOYED));

    @Test
    void everyPairOfStatusesMovesExactlyAsTheTableSays() {
        for (DeploymentStatus from : values()) {
            for (DeploymentStatus to : values()) {
                assertThat(from.mayMoveTo(to)).as(from + " -> " + to)
                        .isEqualTo(TABLE.getOrDefault(from, Set.of()).contains(to));
            }
        }
    }

    @Test
    void rejectedExpiredAndUndeployedAreFinalAndNothingElseIs() {
        assertThat(EnumSet.allOf(DeploymentStatus.class).stream().filter(DeploymentStatus::isFinal))
                .containsExactlyInAnyOrder(REJECTED, PAYMENT_EXPIRED, UNDEPLOYED);
    }

    @Test
    void noStatusGoesBackToApprovalOrWaitingForPayment() {
        for (DeploymentStatus from : values()) {
            assertThat(from.mayMoveTo(REQUIRES_APPROVAL)).as(from.name()).isFalse();
            assertThat(from.mayMoveTo(WAITING_PAYMENT)).as(from.name()).isEqualTo(from == REQUIRES_APPROVAL);
        }
    }

    /** An approved order with nothing to pay (a TRIAL or SANDBOX needing approval) starts provisioning at once. */
    @Test
    void anApprovedSaleWithNothingToPayGoesStraightToPendingButNeverDeploysUnprovisioned() {
        assertThat(REQUIRES_APPROVAL.mayMoveTo(PENDING)).isTrue();
        assertThat(REQUIRES_APPROVAL.mayMoveTo(DEPLOYED)).isFalse();
        assertThat(WAITING_PAYMENT.mayMoveTo(DEPLOYED)).as("paid first, then provisioned").isFalse();
    }
}
