package org.cloudmarket.subscription.domain;

/**
 * Why a subscription is STOPPED: UNPAID (an invoice past sleepDays; it leads on to UNDEPLOY_SENT after delayDays) or
 * QUOTA (a blocking quota reached 100 %; it waits for the upgrade and never leads on to UNDEPLOY_SENT).
 */
public enum StopReason {
    UNPAID(true), QUOTA(false);

    private final boolean leadsToUndeploy;

    StopReason(boolean leadsToUndeploy) {
        this.leadsToUndeploy = leadsToUndeploy;
    }

    /**
     * Whether a subscription stopped for this reason moves on to UNDEPLOY_SENT by itself (the payments issue's dunning
     * asks this, never the status alone): a QUOTA stop waits for the upgrade, however long. The customer's own
     * TERMINATION ends any stopped subscription.
     */
    public boolean leadsToUndeploy() {
        return leadsToUndeploy;
    }
}
