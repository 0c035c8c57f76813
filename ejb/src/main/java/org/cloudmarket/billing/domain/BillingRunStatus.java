package org.cloudmarket.billing.domain;

/**
 * Where a billing run stands (issue 13): STARTING once its row is written, STARTED once its job runs, then COMPLETED,
 * FAILED or STOPPED as the job ended. STARTING and STARTED are unfinished: a tenant has at most one such run (the
 * database's key, billing-engine.xml), and only a FAILED or STOPPED run may be restarted.
 */
public enum BillingRunStatus {
    STARTING, STARTED, COMPLETED, FAILED, STOPPED;

    public boolean isUnfinished() {
        return this == STARTING || this == STARTED;
    }

    public boolean mayRestart() {
        return this == FAILED || this == STOPPED;
    }
}
