package org.cloudmarket.subscription.domain;

/**
 * Why a subscription is STOPPED: UNPAID (an invoice past sleepDays; it leads on to UNDEPLOY_SENT after delayDays) or
 * QUOTA (a blocking quota reached 100 %; it waits for the upgrade and never leads on to UNDEPLOY_SENT).
 */
public enum StopReason {
    UNPAID, QUOTA
}
