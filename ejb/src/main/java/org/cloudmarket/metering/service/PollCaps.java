package org.cloudmarket.metering.service;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many polls run at once on this node: at most {@code perVendor} for one vendor (of one tenant) and
 * {@code inAll} in all. A poll takes a place before it starts and gives it back when it ends; a vendor at its cap
 * gets none, so its rows wait for a later round while the other vendors' polls start.
 */
final class PollCaps {

    private final int perVendor;
    private final int inAll;
    private final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
    private final AtomicInteger runningInAll = new AtomicInteger();

    PollCaps(int perVendor, int inAll) {
        this.perVendor = Math.max(1, perVendor);
        this.inAll = Math.max(1, inAll);
    }

    /** A place for one more poll of the vendor, if neither it nor the node is at its cap. */
    boolean take(long tenantId, long vendorId) {
        AtomicInteger vendor = running.computeIfAbsent(tenantId + "/" + vendorId, key -> new AtomicInteger());
        if (!takeOne(vendor, perVendor)) {
            return false;
        }
        if (!takeOne(runningInAll, inAll)) {
            vendor.decrementAndGet();
            return false;
        }
        return true;
    }

    /** The place of a poll that ended (or never started). */
    void release(long tenantId, long vendorId) {
        running.get(tenantId + "/" + vendorId).decrementAndGet();
        runningInAll.decrementAndGet();
    }

    private static boolean takeOne(AtomicInteger count, int cap) {
        while (true) {
            int now = count.get();
            if (now >= cap) {
                return false;
            }
            if (count.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }
}
