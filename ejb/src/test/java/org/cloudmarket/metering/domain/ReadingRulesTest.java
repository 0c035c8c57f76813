package org.cloudmarket.metering.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.cloudmarket.metering.domain.ReadingRules.Life;
import org.cloudmarket.metering.domain.ReadingRules.MetricRef;
import org.cloudmarket.pricing.BillingPeriod;
import org.cloudmarket.pricing.MetricPricing.Kind;
import org.junit.jupiter.api.Test;

/** METERING-CONTRACT "Rules": which single reading may be kept. */
class ReadingRulesTest {

    private static final Instant START = Instant.parse("2027-04-01T00:00:00Z");
    private static final Instant MAY = Instant.parse("2027-05-01T00:00:00Z");
    private static final Duration GRACE = Duration.ofHours(2);
    private static final Optional<MetricRef> USERS = Optional.of(new MetricRef(7, "users", Kind.GAUGE));
    /** Monthly periods from April 2027. */
    private static final Life LIVE = new Life(true, START, Optional.empty(),
            at -> at.isBefore(MAY) ? new BillingPeriod(START, MAY) : new BillingPeriod(MAY, Instant.parse("2027-06-01T00:00:00Z")));

    @Test
    void aReadingMissingAFieldOrBeyondItsColumnIsInvalid() {
        assertThat(ReadingRules.invalid(new Reading(null, 1L, "users", BigDecimal.ONE, START))).map(ReadingResult::code).contains(Refusal.INVALID);
        assertThat(ReadingRules.invalid(new Reading("x".repeat(101), 1L, "users", BigDecimal.ONE, START))).map(ReadingResult::code).contains(Refusal.INVALID);
        assertThat(ReadingRules.invalid(new Reading("r", null, "users", BigDecimal.ONE, START))).map(ReadingResult::code).contains(Refusal.INVALID);
        assertThat(ReadingRules.invalid(new Reading("r", 1L, " ", BigDecimal.ONE, START))).map(ReadingResult::code).contains(Refusal.INVALID);
        assertThat(ReadingRules.invalid(new Reading("r", 1L, "users", null, START))).map(ReadingResult::code).contains(Refusal.INVALID);
        assertThat(ReadingRules.invalid(new Reading("r", 1L, "users", BigDecimal.ONE, null))).map(ReadingResult::code).contains(Refusal.INVALID);
        assertThat(ReadingRules.invalid(new Reading("r", 1L, "users", new BigDecimal("1e18"), START))).map(ReadingResult::code).contains(Refusal.INVALID);
        assertThat(ReadingRules.invalid(new Reading("r", 1L, "users", new BigDecimal("0.0000001"), START))).map(ReadingResult::code).contains(Refusal.INVALID);
        assertThat(ReadingRules.invalid(new Reading("r", 1L, "users", new BigDecimal("999999999999999999.500000"), START))).isEmpty();
    }

    @Test
    void aValidReadingInTheOpenPeriodIsKept() {
        assertThat(check(reading("3", "2027-04-10T10:00:00Z"), Instant.parse("2027-04-10T10:01:00Z"))).isEmpty();
    }

    @Test
    void aMetricThePlanDoesNotHaveIsUnknown() {
        assertThat(ReadingRules.check(reading("3", "2027-04-10T10:00:00Z"), Optional.empty(), LIVE, GRACE, Instant.parse("2027-04-10T11:00:00Z")))
                .map(ReadingResult::code).contains(Refusal.UNKNOWN_METRIC);
    }

    @Test
    void aNegativeValueIsRefused() {
        assertThat(check(reading("-1", "2027-04-10T10:00:00Z"), Instant.parse("2027-04-10T11:00:00Z"))).contains(Refusal.NEGATIVE_VALUE);
    }

    @Test
    void beforeTheStartAfterTheEndOrInTheFutureIsOutsideTheLife() {
        Instant now = Instant.parse("2027-04-10T10:00:00Z");
        assertThat(check(reading("1", "2027-03-31T23:59:59Z"), now)).contains(Refusal.OUTSIDE_LIFE);
        assertThat(check(reading("1", "2027-04-10T10:05:00Z"), now)).isEmpty();
        assertThat(check(reading("1", "2027-04-10T10:05:01Z"), now)).contains(Refusal.OUTSIDE_LIFE);

        Life ended = new Life(true, START, Optional.of(Instant.parse("2027-04-05T00:00:00Z")), LIVE.periodAt());
        assertThat(ReadingRules.check(reading("1", "2027-04-05T00:00:01Z"), USERS, ended, GRACE, now)).map(ReadingResult::code).contains(Refusal.OUTSIDE_LIFE);
        assertThat(ReadingRules.check(reading("1", "2027-04-05T00:00:00Z"), USERS, ended, GRACE, now)).isEmpty();
    }

    @Test
    void aSubscriptionThatNeverRanTakesNoUsage() {
        Life neverRan = new Life(false, START, Optional.empty(), LIVE.periodAt());

        assertThat(ReadingRules.check(reading("1", "2027-04-02T00:00:00Z"), USERS, neverRan, GRACE, Instant.parse("2027-04-02T01:00:00Z")))
                .map(ReadingResult::code).contains(Refusal.OUTSIDE_LIFE);
    }

    @Test
    void aPeriodClosesForUsageAtItsEndPlusTheGrace() {
        Reading lateInApril = reading("1", "2027-04-30T23:00:00Z");

        assertThat(check(lateInApril, MAY.plus(GRACE).minusNanos(1000))).isEmpty();
        assertThat(check(lateInApril, MAY.plus(GRACE))).contains(Refusal.PERIOD_CLOSED);
        assertThat(ReadingRules.check(lateInApril, USERS, LIVE, Duration.ZERO, MAY)).map(ReadingResult::code).contains(Refusal.PERIOD_CLOSED);
    }

    @Test
    void aCounterLowerThanAnotherReadingOfTheSameInstantWentDownAGaugeNever() {
        assertThat(ReadingRules.counterWentDown(Kind.COUNTER, new BigDecimal("4"), Optional.of(new BigDecimal("5")))).isTrue();
        assertThat(ReadingRules.counterWentDown(Kind.COUNTER, new BigDecimal("5"), Optional.of(new BigDecimal("5")))).isFalse();
        assertThat(ReadingRules.counterWentDown(Kind.COUNTER, new BigDecimal("4"), Optional.empty())).isFalse();
        assertThat(ReadingRules.counterWentDown(Kind.GAUGE, new BigDecimal("4"), Optional.of(new BigDecimal("5")))).isFalse();
    }

    private static Optional<Refusal> check(Reading reading, Instant now) {
        return ReadingRules.check(reading, USERS, LIVE, GRACE, now).map(ReadingResult::code);
    }

    private static Reading reading(String value, String at) {
        return new Reading("r-1", 1L, "users", new BigDecimal(value), Instant.parse(at));
    }
}
