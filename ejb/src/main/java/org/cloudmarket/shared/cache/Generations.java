package org.cloudmarket.shared.cache;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A counter per tenant, bumped after every committed transaction that wrote in that tenant, and
 * one for the platform tables (hosts, tenants), bumped after a platform write. Whatever a cache
 * keeps for a tenant is valid for one generation: a change shows on the next page load. The
 * counters are per node and in memory, as the caches are.
 */
public final class Generations {

    private static final ConcurrentHashMap<Long, AtomicLong> TENANTS = new ConcurrentHashMap<>();
    private static final AtomicLong PLATFORM = new AtomicLong();

    private Generations() {
    }

    /** The generation of what a tenant's caches hold: its own writes and the platform's. */
    public static Generation of(long tenantId) {
        return new Generation(PLATFORM.get(), TENANTS.computeIfAbsent(tenantId, id -> new AtomicLong()).get());
    }

    /** After a commit that wrote in the tenant. */
    public static void bump(long tenantId) {
        TENANTS.computeIfAbsent(tenantId, id -> new AtomicLong()).incrementAndGet();
    }

    /** After a commit that wrote platform tables, which every tenant's pages read (hosts, names). */
    public static void bumpPlatform() {
        PLATFORM.incrementAndGet();
    }

    /** One tenant's generation; caches compare it whole. */
    public record Generation(long platform, long tenant) {

        /** Both counters only grow: a generation that differs and is not ahead is behind. */
        boolean precedes(Generation other) {
            return !equals(other) && platform <= other.platform && tenant <= other.tenant;
        }
    }
}
