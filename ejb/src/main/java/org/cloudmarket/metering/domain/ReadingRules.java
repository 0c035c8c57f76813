package org.cloudmarket.metering.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.cloudmarket.pricing.BillingPeriod;
import org.cloudmarket.pricing.MetricPricing.Kind;
import org.cloudmarket.subscription.domain.BillingCycle;
import org.cloudmarket.subscription.domain.DeploymentStatus;

/**
 * Whether one reading may be kept (METERING-CONTRACT "Rules"): its fields, its subscription and metric, its value,
 * the subscription's life and the closing of the period it falls in (the period's end plus the grace). Values in,
 * a refusal out; the one check that needs history (a counter at the same instant) takes the highest value already
 * kept at that instant from its caller, who reads it for a whole batch at once.
 */
public final class ReadingRules {

    /** A reading may be up to this far in the future: the vendor's clock may run a little ahead. */
    public static final Duration CLOCK_SLACK = Duration.ofMinutes(5);
    public static final int ID_LENGTH = 100;
    public static final int METRIC_LENGTH = 40;
    /** DECIMAL(24,6): 18 digits before the point, 6 after. */
    private static final int INTEGER_DIGITS = 18;
    private static final int FRACTION_DIGITS = 6;

    private ReadingRules() {
    }

    /**
     * A subscription's life for usage: from {@code start} on, up to {@code end} when it has ended; none at all when
     * it never ran (rejected, awaiting approval, payment expired). {@code periodAt} names the billing period an
     * instant of its life falls in.
     */
    public record Life(boolean takesUsage, Instant start, Optional<Instant> end, Function<Instant, BillingPeriod> periodAt) {

        private static final Set<DeploymentStatus> NEVER_RAN =
                EnumSet.of(DeploymentStatus.REJECTED, DeploymentStatus.REQUIRES_APPROVAL, DeploymentStatus.PAYMENT_EXPIRED);
        private static final Set<DeploymentStatus> ENDED = EnumSet.of(DeploymentStatus.UNDEPLOY_SENT, DeploymentStatus.UNDEPLOYED);

        /**
         * The life of {@code subscription}, whose plan bills by its snapshot's unit and frequency in the tenant's
         * {@code zone}; {@code terminatedAt}: when its changelog says it was sent to UNDEPLOY_SENT, if it was. Its
         * trial is one period up to the trial's end; its paid periods follow the cycle from the trial's end (as
         * ordering's TrialEnds converts it) or from its anchor; a reading before a postponed start falls in period 0.
         */
        public static Life of(MeteredSubscription subscription, ZoneId zone, Optional<Instant> terminatedAt) {
            Optional<Instant> end = Optional.empty();
            if (ENDED.contains(subscription.status())) {
                Instant ends = subscription.endsAt();
                // the earlier of its termination and its end; one that names neither is bounded by "not in the future" only
                end = Optional.ofNullable(terminatedAt.filter(at -> ends == null || at.isBefore(ends)).orElse(ends));
            }
            Optional<Instant> trialEnd = subscription.trialEndsAt();
            Instant anchor = subscription.anchorAt();
            BillingCycle cycle = BillingCycle.of(trialEnd.orElse(anchor), subscription.unit(), subscription.billingFrequency(), zone);
            Function<Instant, BillingPeriod> periodAt = at -> {
                if (trialEnd.isPresent() && at.isBefore(trialEnd.get())) {
                    return new BillingPeriod(at.isBefore(anchor) ? at : anchor, trialEnd.get());
                }
                return at.isBefore(cycle.anchor()) ? cycle.period(0) : cycle.periodAt(at);
            };
            return new Life(!NEVER_RAN.contains(subscription.status()), subscription.createdAt(), end, periodAt);
        }
    }

    /** The metric a reading names, as its subscription's plan defines it. */
    public record MetricRef(long id, String code, Kind kind) {
    }

    /** A refusal of the reading's fields alone (missing, too long, out of DECIMAL(24,6)), before anything is looked up. */
    public static Optional<ReadingResult> invalid(Reading reading) {
        String id = reading.id();
        if (id == null || id.isBlank()) {
            return refused(reading, Refusal.INVALID, "A reading needs its id: a text, or a number of at most " + ID_LENGTH + " digits");
        }
        if (id.length() > ID_LENGTH) {
            return refused(reading, Refusal.INVALID, "A reading's id has at most " + ID_LENGTH + " characters");
        }
        if (!id.equals(id.strip())) { // the database compares "a" and "a " alike (PAD SPACE): such ids would collide
            return refused(reading, Refusal.INVALID, "A reading's id has no leading or trailing spaces");
        }
        if (reading.subscriptionId() == null) {
            return refused(reading, Refusal.INVALID, "A reading needs its subscriptionId");
        }
        if (reading.metric() == null || reading.metric().isBlank() || reading.metric().length() > METRIC_LENGTH) {
            return refused(reading, Refusal.INVALID, "A reading needs its metric's code (at most " + METRIC_LENGTH + " characters)");
        }
        if (reading.value() == null) {
            return refused(reading, Refusal.INVALID, "A reading needs its value");
        }
        if (reading.at() == null) {
            return refused(reading, Refusal.INVALID, "A reading needs the instant it was read (at)");
        }
        BigDecimal value = reading.value().stripTrailingZeros();
        if (value.precision() - value.scale() > INTEGER_DIGITS || value.scale() > FRACTION_DIGITS) {
            return refused(reading, Refusal.INVALID, "A value has at most " + INTEGER_DIGITS + " digits before the point and "
                    + FRACTION_DIGITS + " after");
        }
        return Optional.empty();
    }

    /**
     * The refusal of a valid reading of a known subscription and metric ({@code metric} empty: the plan has no metric
     * of that code), or none: it may be kept, unless it is a counter lower than {@link #counterWentDown} says.
     */
    public static Optional<ReadingResult> check(Reading reading, Optional<MetricRef> metric, Life life, Duration grace, Instant now) {
        if (metric.isEmpty()) {
            return refused(reading, Refusal.UNKNOWN_METRIC, "The subscription's plan has no metric " + reading.metric());
        }
        if (reading.value().signum() < 0) {
            return refused(reading, Refusal.NEGATIVE_VALUE, "A reading's value is not negative");
        }
        Instant at = reading.at();
        if (!life.takesUsage()) {
            return refused(reading, Refusal.OUTSIDE_LIFE, "The subscription never ran: it takes no usage");
        }
        if (at.isBefore(life.start())) {
            return refused(reading, Refusal.OUTSIDE_LIFE, "The reading is before the subscription started (" + life.start() + ")");
        }
        if (at.isAfter(now.plus(CLOCK_SLACK))) {
            return refused(reading, Refusal.OUTSIDE_LIFE, "The reading is in the future");
        }
        if (life.end().isPresent() && at.isAfter(life.end().get())) {
            return refused(reading, Refusal.OUTSIDE_LIFE, "The reading is after the subscription ended (" + life.end().get() + ")");
        }
        Instant closes = life.periodAt().apply(at).end().plus(grace);
        if (!now.isBefore(closes)) {
            return refused(reading, Refusal.PERIOD_CLOSED, "The reading's period closed for usage at " + closes);
        }
        return Optional.empty();
    }

    /** A counter keeps its highest value at one instant: a lower one read at the same instant did not reset it. */
    public static boolean counterWentDown(Kind kind, BigDecimal value, Optional<BigDecimal> highestAtSameInstant) {
        return kind == Kind.COUNTER && highestAtSameInstant.map(highest -> value.compareTo(highest) < 0).orElse(false);
    }

    public static ReadingResult wentDown(Reading reading, BigDecimal highest) {
        return ReadingResult.refused(reading.id(), Refusal.COUNTER_WENT_DOWN,
                "The counter read " + highest.stripTrailingZeros().toPlainString() + " at the same instant: a counter does not go down within one instant");
    }

    private static Optional<ReadingResult> refused(Reading reading, Refusal code, String reason) {
        return Optional.of(ReadingResult.refused(reading.id(), code, reason));
    }
}
