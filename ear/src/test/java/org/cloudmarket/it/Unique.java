package org.cloudmarket.it;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Codes and names that no earlier run used: a test that leaves rows behind (a coupon cannot be
 * deleted) makes them unique, so the suite passes again on the same database.
 */
final class Unique {

    private static final AtomicLong LAST = new AtomicLong();

    private Unique() {
    }

    /** The time in milliseconds (digits only, fit for any code), never the same twice in this JVM. */
    static String suffix() {
        return Long.toString(LAST.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis())));
    }
}
