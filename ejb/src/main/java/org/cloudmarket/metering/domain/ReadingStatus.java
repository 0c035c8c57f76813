package org.cloudmarket.metering.domain;

/** What the intake did with one reading. */
public enum ReadingStatus {
    /** Kept, and counted. */
    ACCEPTED,
    /** Its id was kept already (this batch or another): counted once, then. */
    DUPLICATE,
    /** Not kept, for the reason given. */
    REFUSED
}
