package org.cloudmarket.shared.cache;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What a tenant's visitors all see, computed once per generation of the tenant (see
 * {@link Generations}) and at most for a short time, for what changes with the clock alone. The
 * key must hold everything else the value depends on (storefront, language, price list...).
 * Bounded: a tenant that fills its slot starts a new one.
 */
public final class TenantCache<K, V> {

    private final Duration lifetime;
    private final int capacity;
    private final Clock clock;
    private final Map<Long, Slot<K, V>> slots = new ConcurrentHashMap<>();

    public TenantCache(Duration lifetime, int capacity) {
        this(lifetime, capacity, Clock.systemUTC());
    }

    TenantCache(Duration lifetime, int capacity, Clock clock) {
        this.lifetime = lifetime;
        this.capacity = capacity;
        this.clock = clock;
    }

    private record Slot<K, V>(Generations.Generation generation, Map<K, Entry<V>> entries) {
    }

    private record Entry<V>(V value, long expiresAt) {
    }

    /** The cached value, or the computed one, kept only if no write committed in the tenant meanwhile. */
    public V get(long tenantId, K key, Supplier<V> compute) {
        Objects.requireNonNull(key);
        Generations.Generation before = Generations.of(tenantId);
        Slot<K, V> slot = slotFor(tenantId, before);
        long now = clock.millis();
        Entry<V> cached = slot.entries().get(key);
        if (cached != null && cached.expiresAt() > now) {
            return cached.value();
        }
        V value = compute.get();
        if (value != null && slot.generation().equals(before) && Generations.of(tenantId).equals(before)) {
            slot.entries().put(key, new Entry<>(value, now + lifetime.toMillis()));
        }
        return value;
    }

    /** Whatever is cached for the key in the tenant's current generation, if still fresh. */
    public V peek(long tenantId, K key) {
        Slot<K, V> slot = slots.get(tenantId);
        if (slot == null || !slot.generation().equals(Generations.of(tenantId))) {
            return null;
        }
        Entry<V> cached = slot.entries().get(key);
        return cached != null && cached.expiresAt() > clock.millis() ? cached.value() : null;
    }

    /** Keeps a value computed under the given generation, unless a write committed since. */
    public void put(long tenantId, Generations.Generation computedAt, K key, V value) {
        Slot<K, V> slot = slotFor(tenantId, computedAt);
        if (Generations.of(tenantId).equals(computedAt) && slot.generation().equals(computedAt)) {
            slot.entries().put(key, new Entry<>(value, clock.millis() + lifetime.toMillis()));
        }
    }

    /** The slot of the generation; an older one is dropped, a newer one (a late reader) kept. */
    private Slot<K, V> slotFor(long tenantId, Generations.Generation generation) {
        return slots.compute(tenantId, (id, old) -> old == null || old.generation().precedes(generation)
                || (old.generation().equals(generation) && old.entries().size() >= capacity)
                ? new Slot<>(generation, new ConcurrentHashMap<>()) : old);
    }
}
