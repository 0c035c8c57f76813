package org.cloudmarket.metering.domain;

/** Where a kept reading came from: the vendor's push, the platform's poll, or the platform's reset of a counter. */
public enum ReadingSource {
    PUSH, POLL, RESET
}
