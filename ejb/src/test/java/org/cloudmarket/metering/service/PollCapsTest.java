package org.cloudmarket.metering.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PollCapsTest {

    @Test
    void aVendorAtItsCapGetsNoPlaceWhileAnotherVendorDoes() {
        PollCaps caps = new PollCaps(2, 16);

        assertThat(caps.take(1, 10)).isTrue();
        assertThat(caps.take(1, 10)).isTrue();
        assertThat(caps.take(1, 10)).as("the hanging vendor's third poll").isFalse();
        assertThat(caps.take(1, 20)).as("another vendor").isTrue();
        assertThat(caps.take(2, 10)).as("the same vendor id on another tenant").isTrue();

        caps.release(1, 10);
        assertThat(caps.take(1, 10)).as("a place given back").isTrue();
        assertThat(caps.take(1, 10)).isFalse();
    }

    @Test
    void theVendorsAtTheirCapAreNamedPerTenant() {
        PollCaps caps = new PollCaps(2, 16);
        caps.take(1, 10);
        caps.take(1, 10);
        caps.take(1, 20);
        caps.take(2, 30);
        caps.take(2, 30);

        assertThat(caps.atCap(1)).containsExactly(10L);
        assertThat(caps.atCap(2)).containsExactly(30L);
        caps.release(1, 10);
        assertThat(caps.atCap(1)).isEmpty();
    }

    @Test
    void theNodeRunsNoMorePollsThanItsExecutorsThreads() {
        PollCaps caps = new PollCaps(2, 3);

        assertThat(caps.take(1, 10)).isTrue();
        assertThat(caps.take(1, 20)).isTrue();
        assertThat(caps.take(1, 30)).isTrue();
        assertThat(caps.take(1, 40)).isFalse();
        caps.release(1, 20);
        assertThat(caps.take(1, 40)).isTrue();
        // the refused vendor's place was given back at once: it is not at its cap
        caps.release(1, 10);
        assertThat(caps.take(1, 40)).isTrue();
        assertThat(caps.take(1, 40)).isFalse();
    }
}
