package org.cloudmarket.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PollFrequencyTest {

    private static final Instant SLOT = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void syndicationsNamesHaveTheirIntervalsAndNothingIsPolledMoreThanOnceAMinute() {
        assertThat(PollFrequency.EVERY_30_SECONDS.interval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(PollFrequency.EVERY_1_MINUTE.interval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(PollFrequency.EVERY_2_MINUTE.interval()).isEqualTo(Duration.ofMinutes(2));
        assertThat(PollFrequency.EVERY_5_MINUTES.interval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(PollFrequency.EVERY_30_MINUTES.interval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(PollFrequency.EVERY_1_HOUR.interval()).isEqualTo(Duration.ofHours(1));
        assertThat(PollFrequency.EVERY_24_HOUR.interval()).isEqualTo(Duration.ofHours(24));
        assertThat(PollFrequency.EVERY_48_HOUR.interval()).isEqualTo(Duration.ofHours(48));
        assertThat(PollFrequency.EVERY_WEEK.interval()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void onlySyndicationsSpellingsAreKnown() {
        assertThat(PollFrequency.of("EVERY_5_MINUTES")).contains(PollFrequency.EVERY_5_MINUTES);
        assertThat(PollFrequency.of("EVERY_5_MINUTE")).isEmpty();
        assertThat(PollFrequency.of("every_week")).isEmpty();
        assertThat(PollFrequency.of(null)).isEmpty();
    }

    @Test
    void aFailedSlotIsRetriedAfterOneTwoFourMinutesNeverLaterThanTheInterval() {
        assertThat(PollFrequency.EVERY_1_HOUR.retryAfter(0)).isEqualTo(Duration.ofMinutes(1));
        assertThat(PollFrequency.EVERY_1_HOUR.retryAfter(1)).isEqualTo(Duration.ofMinutes(2));
        assertThat(PollFrequency.EVERY_1_HOUR.retryAfter(2)).isEqualTo(Duration.ofMinutes(4));
        assertThat(PollFrequency.EVERY_1_HOUR.retryAfter(5)).isEqualTo(Duration.ofMinutes(32));
        assertThat(PollFrequency.EVERY_1_HOUR.retryAfter(6)).isEqualTo(Duration.ofHours(1));
        assertThat(PollFrequency.EVERY_1_HOUR.retryAfter(1000)).isEqualTo(Duration.ofHours(1));
        assertThat(PollFrequency.EVERY_30_SECONDS.retryAfter(0)).isEqualTo(Duration.ofMinutes(1));
        assertThat(PollFrequency.EVERY_30_SECONDS.retryAfter(3)).isEqualTo(Duration.ofMinutes(1));
        assertThat(PollFrequency.EVERY_WEEK.retryAfter(12)).isEqualTo(Duration.ofMinutes(4096));
        assertThat(PollFrequency.EVERY_WEEK.retryAfter(14)).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void theNextSlotIsTheSlotPlusTheIntervalAndMissedSlotsAreSkipped() {
        PollFrequency five = PollFrequency.EVERY_5_MINUTES;
        assertThat(five.nextSlot(SLOT, SLOT.plusSeconds(3))).isEqualTo(SLOT.plus(Duration.ofMinutes(5)));
        // polled late (a retried slot): the next slot stays on the grid
        assertThat(five.nextSlot(SLOT, SLOT.plus(Duration.ofMinutes(4)))).isEqualTo(SLOT.plus(Duration.ofMinutes(5)));
        // polled when the next slot had come already: that one is skipped, not polled right after this one
        assertThat(five.nextSlot(SLOT, SLOT.plus(Duration.ofMinutes(5)))).isEqualTo(SLOT.plus(Duration.ofMinutes(10)));
        // the server was away for an hour and a bit: the poll just made stands for the missed slots, the next is on the grid
        assertThat(five.nextSlot(SLOT, SLOT.plus(Duration.ofMinutes(63)))).isEqualTo(SLOT.plus(Duration.ofMinutes(65)));
        assertThat(PollFrequency.EVERY_30_SECONDS.nextSlot(SLOT, SLOT.plusSeconds(10))).isEqualTo(SLOT.plusSeconds(60));
    }
}
