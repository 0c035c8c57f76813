package org.cloudmarket.metering.service;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many polls run at once on this node: at most {@code perVendor} for one vendor (of one tenant) and
 * {@code inAll} in all. A poll takes a place before it starts and gives it back when it ends; a vendor at its cap
 * gets none, so its rows wait for a later round while the other vendors' polls start; a round does not even take
 * them ({@link #atCap}), so that they never fill its batch.
 */
final class PollCaps {

    private final int perVendor;
    private final int inAll;
    private final Map<Vendor, AtomicInteger> running = new ConcurrentHashMap<>();
    private final AtomicInteger runningInAll = new AtomicInteger();

    PollCaps(int perVendor, int inAll) {
        this.perVendor = Math.max(1, perVendor);
        this.inAll = Math.max(1, inAll);
    }

    /** A place for one more poll of the vendor, if neither it nor the node is at its cap. */
    boolean take(long tenantId, long vendorId) {
        AtomicInteger vendor = running.computeIfAbsent(new Vendor(tenantId, vendorId), key -> new AtomicInteger());
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
        running.get(new Vendor(tenantId, vendorId)).decrementAndGet();
        runningInAll.decrementAndGet();
    }

    int perVendor() {
        return perVendor;
    }

    /** The tenant's vendors running as many polls as their cap allows: a round leaves their due rows out. */
    Set<Long> atCap(long tenantId) {
        return running.entrySet().stream().filter(entry -> entry.getKey().tenantId() == tenantId && entry.getValue().get() >= perVendor)
                .map(entry -> entry.getKey().vendorId()).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** A vendor of one tenant (vendor ids are the tenant's organizations: the same id on two tenants is two vendors). */
    private record Vendor(long tenantId, long vendorId) {
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
