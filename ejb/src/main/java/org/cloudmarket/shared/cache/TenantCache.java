package org.cloudmarket.shared.cache;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * What a tenant's visitors all see, computed once per generation of the tenant (see
 * {@link Generations}) and kept a short time at most, for what changes with the clock alone. The
 * key must hold everything else the value depends on (storefront, language, price list...).
 * <p>
 * Past its lifetime, but in the same generation, a value is refreshed by the first caller while
 * the others keep getting it for one more lifetime at most: a busy page is not rendered by every
 * visitor at once when it expires. A write in the tenant drops its values at once. Bounded: a
 * tenant that fills its slot starts a new one.
 */
public final class TenantCache<K, V> {

    private final long lifetime;
    private final int capacity;
    private final Clock clock;
    private final Map<Long, Slot<K, V>> slots = new ConcurrentHashMap<>();

    public TenantCache(Duration lifetime, int capacity) {
        this(lifetime, capacity, Clock.systemUTC());
    }

    TenantCache(Duration lifetime, int capacity, Clock clock) {
        this.lifetime = lifetime.toMillis();
        this.capacity = capacity;
        this.clock = clock;
    }

    private record Slot<K, V>(Generations.Generation generation, Map<K, Entry<V>> entries) {
    }

    private record Entry<V>(V value, long expiresAt, AtomicBoolean refreshing) {
    }

    /** A cached value; {@code refresh} tells the one caller that should compute it again and {@link #put} it. */
    public record Cached<V>(V value, boolean refresh) {
    }

    /**
     * The cached value, or the computed one, kept only if no write committed in the tenant
     * meanwhile. Callers that miss the same key at once wait for the first one's value rather
     * than all computing it.
     */
    public V get(long tenantId, K key, Supplier<V> compute) {
        Generations.Generation before = Generations.of(tenantId);
        Cached<V> cached = lookup(tenantId, key);
        if (cached != null && !cached.refresh()) {
            return cached.value();
        }
        InFlight<K> flight = new InFlight<>(tenantId, before, key);
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> first = cached == null ? computing.putIfAbsent(flight, mine) : null;
        if (first != null) {
            try {
                return first.join();
            } catch (CompletionException failed) {
                throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
            }
        }
        try {
            V value = compute.get();
            if (value != null) {
                put(tenantId, before, key, value);
            }
            mine.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            computing.remove(flight, mine);
        }
    }

    private record InFlight<K>(long tenantId, Generations.Generation generation, K key) {
    }

    private final Map<InFlight<K>, CompletableFuture<V>> computing = new ConcurrentHashMap<>();

    /**
     * The key's value in the tenant's current generation, or nothing: fresh, or expired and then
     * marked for refresh for exactly one caller (the others get the old value meanwhile).
     */
    public Cached<V> lookup(long tenantId, K key) {
        Objects.requireNonNull(key);
        Slot<K, V> slot = slots.get(tenantId);
        if (slot == null || !slot.generation().equals(Generations.of(tenantId))) {
            return null;
        }
        Entry<V> entry = slot.entries().get(key);
        long now = clock.millis();
        if (entry == null || entry.expiresAt() + lifetime <= now) {
            return null;
        }
        boolean expired = entry.expiresAt() <= now;
        return new Cached<>(entry.value(), expired && entry.refreshing().compareAndSet(false, true));
    }

    /** Keeps a value computed under the given generation, unless a write committed since. */
    public void put(long tenantId, Generations.Generation computedAt, K key, V value) {
        Objects.requireNonNull(key);
        Slot<K, V> slot = slotFor(tenantId, computedAt);
        if (Generations.of(tenantId).equals(computedAt) && slot.generation().equals(computedAt)) {
            slot.entries().put(key, new Entry<>(value, clock.millis() + lifetime, new AtomicBoolean()));
        }
    }

    /** The slot of the generation; an older one is dropped, a newer one (a late reader) kept. */
    private Slot<K, V> slotFor(long tenantId, Generations.Generation generation) {
        return slots.compute(tenantId, (id, old) -> old == null || old.generation().precedes(generation)
                || (old.generation().equals(generation) && old.entries().size() >= capacity)
                ? new Slot<>(generation, new ConcurrentHashMap<>()) : old);
    }
}
