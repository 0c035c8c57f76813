package org.cloudmarket.billing.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import org.cloudmarket.shared.money.Money;
import org.cloudmarket.subscription.domain.DeploymentStatus;
import org.cloudmarket.subscription.domain.SubscriptionType;

/**
 * What a month of a trial or sandbox costs its vendor (DOMAIN, Billing: trial and sandbox costs are charged to the
 * vendor; Decisions: a daily infrastructure cost per plan). Values in, values out.
 * <p>
 * A subscription runs while it is a TRIAL or SANDBOX and DEPLOYED or STOPPED (stopped keeps its data, so its
 * infrastructure): from its deployment until it is undeployed, fails, or a trial converts into a paid subscription.
 * A month's cost is the number of the month's days, in the tenant's zone, on which it ran at any moment, times the
 * plan's daily cost, rounded once (half up) to the currency. A started day counts whole: a trial deployed at 23:00
 * costs that day; a run ending exactly at midnight does not cost the next day; a run of no length costs nothing.
 */
public final class TrialCosts {

    private TrialCosts() {
    }

    /** The subscription as it was from {@code at} on (its creation, then each status or type change). */
    public record State(Instant at, DeploymentStatus status, SubscriptionType type) {
        public State {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(type, "type");
        }

        boolean running() {
            return (type == SubscriptionType.TRIAL || type == SubscriptionType.SANDBOX)
                    && (status == DeploymentStatus.DEPLOYED || status == DeploymentStatus.STOPPED);
        }
    }

    /** A stretch it ran: {@code until} null while it still runs. */
    public record Run(Instant from, Instant until) {
    }

    /** The stretches a subscription ran, from its states in time order. */
    public static List<Run> runs(List<State> states) {
        List<Run> runs = new ArrayList<>();
        Instant from = null;
        for (State state : states) {
            if (state.running() && from == null) {
                from = state.at();
            } else if (!state.running() && from != null) {
                if (state.at().isAfter(from)) {
                    runs.add(new Run(from, state.at()));
                }
                from = null;
            }
        }
        if (from != null) {
            runs.add(new Run(from, null));
        }
        return runs;
    }

    /** The days of {@code month} (in {@code zone}) on which any of the runs ran at any moment. */
    public static int days(List<Run> runs, YearMonth month, ZoneId zone) {
        int days = 0;
        for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
            Instant start = day.atStartOfDay(zone).toInstant();
            Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
            if (runs.stream().anyMatch(run -> run.from().isBefore(end) && (run.until() == null || run.until().isAfter(start)))) {
                days++;
            }
        }
        return days;
    }

    /** Days times the daily cost, rounded once. */
    public static Money cost(int days, BigDecimal dailyCost, Currency currency) {
        return new Money(dailyCost.multiply(BigDecimal.valueOf(days)), currency).rounded();
    }

    /** The month's first instant and the next month's, in the zone: the proceed's period. */
    public static Instant monthStart(YearMonth month, ZoneId zone) {
        return month.atDay(1).atStartOfDay(zone).toInstant();
    }
}
