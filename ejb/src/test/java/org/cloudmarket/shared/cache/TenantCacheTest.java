package org.cloudmarket.shared.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
    void theCacheStaysBounded() {
        for (String key : new String[] {"a", "b", "c", "d"}) {
            cache.get(TENANT, key, this::compute);
        }
        assertThat(cache.lookup(TENANT, "d")).isNotNull();
        assertThat(cache.lookup(TENANT, "a")).as("a full slot starts again").isNull();
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
