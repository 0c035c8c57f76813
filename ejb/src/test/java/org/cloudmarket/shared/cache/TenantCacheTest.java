package org.cloudmarket.shared.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TenantCacheTest {

    private static final long TENANT = 910_001;
    private static final long OTHER = 910_002;

    private final MutableClock clock = new MutableClock();
    private final TenantCache<String, String> cache = new TenantCache<>(Duration.ofSeconds(10), 3, clock);
    private final AtomicInteger computed = new AtomicInteger();

    private String compute() {
        return "value " + computed.incrementAndGet();
    }

    @Test
    void aValueIsComputedOncePerGenerationOfItsTenant() {
        assertThat(cache.get(TENANT, "page", this::compute)).isEqualTo("value 1");
        assertThat(cache.get(TENANT, "page", this::compute)).isEqualTo("value 1");

        Generations.bump(OTHER);
        assertThat(cache.get(TENANT, "page", this::compute)).as("another tenant's write").isEqualTo("value 1");

        Generations.bump(TENANT);
        assertThat(cache.get(TENANT, "page", this::compute)).isEqualTo("value 2");

        Generations.bumpPlatform();
        assertThat(cache.get(TENANT, "page", this::compute)).as("a platform write").isEqualTo("value 3");
    }

    @Test
    void aValueComputedWhileAWriteCommittedIsNotKept() {
        String value = cache.get(TENANT, "page", () -> {
            Generations.bump(TENANT); // committed while the page was rendered from the old rows
            return compute();
        });
        assertThat(value).isEqualTo("value 1");
        assertThat(cache.get(TENANT, "page", this::compute)).isEqualTo("value 2");
        assertThat(cache.get(TENANT, "page", this::compute)).isEqualTo("value 2");
    }

    @Test
    void aValuePutUnderAnOldGenerationIsDropped() {
        Generations.Generation before = Generations.of(TENANT);
        Generations.bump(TENANT);
        cache.put(TENANT, before, "page", "stale");
        assertThat(cache.lookup(TENANT, "page")).isNull();

        cache.put(TENANT, Generations.of(TENANT), "page", "fresh");
        assertThat(cache.lookup(TENANT, "page").value()).isEqualTo("fresh");
        cache.put(TENANT, before, "other", "stale");
        assertThat(cache.lookup(TENANT, "page").value()).as("a late reader keeps the newer slot").isEqualTo("fresh");
    }

    @Test
    void pastItsLifetimeOneCallerRefreshesAValueWhileTheOthersGetTheOldOneForOneLifetimeAtMost() {
        cache.get(TENANT, "page", this::compute);
        clock.advance(Duration.ofSeconds(11));
        TenantCache.Cached<String> first = cache.lookup(TENANT, "page");
        TenantCache.Cached<String> second = cache.lookup(TENANT, "page");
        assertThat(first.refresh()).isTrue();
        assertThat(second.refresh()).isFalse();
        assertThat(second.value()).isEqualTo("value 1");

        clock.advance(Duration.ofSeconds(10));
        assertThat(cache.lookup(TENANT, "page")).as("a refresh that never came").isNull();
        assertThat(cache.get(TENANT, "page", this::compute)).isEqualTo("value 2");
        assertThat(cache.lookup(TENANT, "page").refresh()).isFalse();
    }

    @Test
    void aFullSlotKeepsItsValuesAndStoresNoMoreUntilSomeDie() {
        for (String key : new String[] {"a", "b", "c", "d"}) {
            cache.get(TENANT, key, this::compute);
        }
        assertThat(cache.lookup(TENANT, "a")).as("a crawler's new key pushes out no busy page").isNotNull();
        assertThat(cache.lookup(TENANT, "d")).as("no room for it").isNull();
        assertThat(cache.get(TENANT, "d", this::compute)).as("computed again").isEqualTo("value 5");

        clock.advance(Duration.ofSeconds(15));
        cache.get(TENANT, "a", this::compute); // refreshed: still alive
        clock.advance(Duration.ofSeconds(6)); // b and c are past two lifetimes
        cache.get(TENANT, "e", this::compute);
        assertThat(cache.lookup(TENANT, "e")).as("the dead made room").isNotNull();
        assertThat(cache.lookup(TENANT, "a")).isNotNull();
    }

    @Test
    void allTenantsTogetherStayWithinTheBudget() {
        TenantCache<String, String> weighed = new TenantCache<>(Duration.ofSeconds(10), 100, String::length, 10, clock);
        weighed.put(TENANT, Generations.of(TENANT), "a", "123456");
        weighed.put(OTHER, Generations.of(OTHER), "b", "12345");
        assertThat(weighed.lookup(OTHER, "b")).as("6 + 5 bytes: over a budget of 10").isNull();
        weighed.put(OTHER, Generations.of(OTHER), "b", "1234");
        assertThat(weighed.lookup(OTHER, "b").value()).isEqualTo("1234");
        assertThat(weighed.lookup(TENANT, "a").value()).as("the other tenant's value stays").isEqualTo("123456");
        assertThat(weighed.held()).isEqualTo(10);

        weighed.put(TENANT, Generations.of(TENANT), "a", "12");
        assertThat(weighed.held()).as("a value replaced").isEqualTo(6);
        Generations.bump(TENANT);
        weighed.put(TENANT, Generations.of(TENANT), "c", "123456");
        assertThat(weighed.held()).as("an older generation's values released").isEqualTo(10);

        clock.advance(Duration.ofSeconds(21));
        weighed.put(TENANT, Generations.of(TENANT), "d", "123456789");
        assertThat(weighed.lookup(TENANT, "d").value()).as("dead values of all tenants are swept for room").isEqualTo("123456789");
        assertThat(weighed.held()).isEqualTo(9);
    }

    @Test
    void aCallerWaitsForAnothersComputationOnlyAShortTime() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread stuck = new Thread(() -> cache.get(TENANT, "slow", () -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "late";
        }));
        stuck.start();
        try {
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            long before = System.nanoTime();
            String value = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> cache.get(TENANT, "slow", this::compute),
                    "waiting on a computation that never ends");
            assertThat(value).isEqualTo("value 1");
            Duration waited = Duration.ofNanos(System.nanoTime() - before);
            assertThat(waited).isGreaterThanOrEqualTo(TenantCache.COMPUTE_WAIT).isLessThan(TenantCache.COMPUTE_WAIT.plusSeconds(2));
        } finally {
            release.countDown();
            stuck.join();
        }
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
