package org.cloudmarket.shared.cache;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * What a tenant's visitors all see, computed once per generation of the tenant (see
 * {@link Generations}) and kept a short time at most, for what changes with the clock alone. The
 * key must hold everything else the value depends on (storefront, language, price list...).
 * <p>
 * Past its lifetime, but in the same generation, a value is refreshed by the first caller while
 * the others keep getting it for one more lifetime at most: a busy page is not rendered by every
 * visitor at once when it expires. A write in the tenant drops its values at once. Bounded: a
 * tenant that fills its slot first makes room from its dead values, then keeps what it has and
 * stores no more until they expire (so that a crawler's new keys never push out the busy ones);
 * with a weight, what all tenants hold together stays within a budget the same way.
 */
public final class TenantCache<K, V> {

    /** How long a caller waits for another's computation of the same key before computing it itself. */
    static final Duration COMPUTE_WAIT = Duration.ofSeconds(3);

    private final long lifetime;
    private final int capacity;
    private final ToLongFunction<V> weigher;
    private final long budget;
    private final Clock clock;
    private final Map<Long, Slot<K, V>> slots = new ConcurrentHashMap<>();
    /** The weight of the values of all slots; changed only inside {@code slots.compute} of the slot's tenant. */
    private final AtomicLong held = new AtomicLong();
    private final AtomicLong lastSweep = new AtomicLong(Long.MIN_VALUE / 2);

    public TenantCache(Duration lifetime, int capacity) {
        this(lifetime, capacity, value -> 0, Long.MAX_VALUE, Clock.systemUTC());
    }

    /**
     * At most {@code capacity} values per tenant and, all tenants together, values of at most
     * {@code budget} in {@code weigher}'s unit (bytes, say): past it a value is not kept.
     */
    public TenantCache(Duration lifetime, int capacity, ToLongFunction<V> weigher, long budget) {
        this(lifetime, capacity, weigher, budget, Clock.systemUTC());
    }

    TenantCache(Duration lifetime, int capacity, Clock clock) {
        this(lifetime, capacity, value -> 0, Long.MAX_VALUE, clock);
    }

    TenantCache(Duration lifetime, int capacity, ToLongFunction<V> weigher, long budget, Clock clock) {
        this.lifetime = lifetime.toMillis();
        this.capacity = capacity;
        this.weigher = weigher;
        this.budget = budget;
        this.clock = clock;
    }

    private record Slot<K, V>(Generations.Generation generation, Map<K, Entry<V>> entries) {
        long weight() {
            return entries.values().stream().mapToLong(Entry::weight).sum();
        }
    }

    private record Entry<V>(V value, long weight, long expiresAt, AtomicBoolean refreshing) {
    }

    /** What the values of all tenants weigh together, for tests. */
    long held() {
        return held.get();
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
                return first.get(COMPUTE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException failed) {
                throw failed.getCause() instanceof RuntimeException cause ? cause : new CompletionException(failed.getCause());
            } catch (TimeoutException slow) {
                return compute.get(); // the first caller is stuck: no waiting on it any longer, nor storing beside it
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return compute.get();
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

    /**
     * Keeps a value computed under the given generation, unless a write committed since, the
     * tenant's slot is full of live values or the budget is spent (then dead values of all tenants
     * are dropped first, and the value kept if that made room).
     */
    public void put(long tenantId, Generations.Generation computedAt, K key, V value) {
        Objects.requireNonNull(key);
        long weight = weigher.applyAsLong(value);
        if (weight > budget || store(tenantId, computedAt, key, value, weight)) {
            return;
        }
        long now = clock.millis();
        long last = lastSweep.get();
        if (now - last >= lifetime && lastSweep.compareAndSet(last, now)) { // a crawler's misses sweep once a lifetime at most
            slots.keySet().forEach(this::dropDead);
            store(tenantId, computedAt, key, value, weight);
        }
    }

    /** Whether the value was kept or need not be (a write committed since); false when there was no room. */
    private boolean store(long tenantId, Generations.Generation computedAt, K key, V value, long weight) {
        boolean[] done = {true};
        slots.compute(tenantId, (id, old) -> {
            Slot<K, V> slot = old;
            if (old == null || old.generation().precedes(computedAt)) {
                release(old);
                slot = new Slot<>(computedAt, new ConcurrentHashMap<>());
            }
            if (!Generations.of(tenantId).equals(computedAt) || !slot.generation().equals(computedAt)) {
                return slot; // a late reader: the newer slot stays
            }
            Entry<V> replaced = slot.entries().get(key);
            long grows = weight - (replaced == null ? 0 : replaced.weight());
            if (replaced == null && slot.entries().size() >= capacity) {
                done[0] = false;
            } else if (held.addAndGet(grows) > budget) {
                held.addAndGet(-grows);
                done[0] = false;
            } else {
                slot.entries().put(key, new Entry<>(value, weight, clock.millis() + lifetime, new AtomicBoolean()));
            }
            return slot;
        });
        return done[0];
    }

    /** Drops the tenant's values no caller may get any more: past two lifetimes, or of an older generation. */
    private void dropDead(long tenantId) {
        long now = clock.millis();
        slots.computeIfPresent(tenantId, (id, slot) -> {
            if (!slot.generation().equals(Generations.of(tenantId))) {
                release(slot);
                return null;
            }
            slot.entries().entrySet().removeIf(entry -> {
                boolean dead = entry.getValue().expiresAt() + lifetime <= now;
                if (dead) {
                    held.addAndGet(-entry.getValue().weight());
                }
                return dead;
            });
            return slot;
        });
    }

    private void release(Slot<K, V> slot) {
        if (slot != null) {
            held.addAndGet(-slot.weight());
        }
    }
}
