package org.cloudmarket.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import org.cloudmarket.billing.domain.TrialCosts.Run;
import org.cloudmarket.billing.domain.TrialCosts.State;
import org.cloudmarket.shared.money.Money;
import org.cloudmarket.subscription.domain.DeploymentStatus;
import org.cloudmarket.subscription.domain.SubscriptionType;
import org.junit.jupiter.api.Test;

/** Issue 13: a month of a trial's or sandbox's cost, in the tenant's zone (Rome: UTC+1 in winter, +2 in summer). */
class TrialCostsTest {

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final Currency EUR = Currency.getInstance("EUR");

    @Test
    void aTrialDeployedAllMonthCostsEveryDayOfIt() {
        List<Run> runs = TrialCosts.runs(List.of(
                state("2026-10-20T08:00:00Z", DeploymentStatus.PENDING, SubscriptionType.TRIAL),
                state("2026-10-20T08:00:05Z", DeploymentStatus.DEPLOYED, SubscriptionType.TRIAL)));

        assertThat(TrialCosts.days(runs, NOVEMBER, ROME)).isEqualTo(30);
        assertThat(TrialCosts.cost(30, new BigDecimal("1.2345"), EUR)).isEqualTo(new Money(new BigDecimal("37.04"), EUR));
    }

    @Test
    void aStartedDayCountsWholeInTheTenantsZoneAndARunEndingAtMidnightDoesNotCostTheNextDay() {
        // deployed Nov 28 at 23:30 in Rome (22:30 UTC), undeployed Nov 30 at midnight in Rome (Nov 29 23:00 UTC)
        List<Run> runs = TrialCosts.runs(List.of(
                state("2026-11-28T22:30:00Z", DeploymentStatus.DEPLOYED, SubscriptionType.SANDBOX),
                state("2026-11-29T23:00:00Z", DeploymentStatus.UNDEPLOY_SENT, SubscriptionType.SANDBOX)));

        assertThat(TrialCosts.days(runs, NOVEMBER, ROME)).as("Nov 28 and 29, not Nov 30").isEqualTo(2);
        assertThat(TrialCosts.days(runs, NOVEMBER, ZoneId.of("UTC"))).as("in UTC it started on the 28th and ended in the 29th")
                .isEqualTo(2);
        assertThat(TrialCosts.days(runs, YearMonth.of(2026, 12), ROME)).isZero();
    }

    @Test
    void theMonthsEdgesAreTheTenantsMidnights() {
        // Oct 31 23:30 in Rome is Oct 31 22:30 UTC: an October day; Nov 30 23:30 in Rome is still November
        List<Run> october = TrialCosts.runs(List.of(state("2026-10-31T22:30:00Z", DeploymentStatus.DEPLOYED, SubscriptionType.TRIAL),
                state("2026-10-31T22:45:00Z", DeploymentStatus.UNDEPLOY_SENT, SubscriptionType.TRIAL)));
        List<Run> lastEvening = TrialCosts.runs(List.of(state("2026-11-30T22:30:00Z", DeploymentStatus.DEPLOYED, SubscriptionType.TRIAL)));

        assertThat(TrialCosts.days(october, NOVEMBER, ROME)).isZero();
        assertThat(TrialCosts.days(october, YearMonth.of(2026, 10), ROME)).isEqualTo(1);
        assertThat(TrialCosts.days(lastEvening, NOVEMBER, ROME)).isEqualTo(1);
        assertThat(TrialCosts.monthStart(NOVEMBER, ROME)).isEqualTo(Instant.parse("2026-10-31T23:00:00Z"));
    }

    @Test
    void aConvertedTrialStopsCostingAtItsConversionAndAFailedOrWaitingOneNeverCosts() {
        List<Run> converted = TrialCosts.runs(List.of(
                state("2026-11-01T09:00:00Z", DeploymentStatus.DEPLOYED, SubscriptionType.TRIAL),
                state("2026-11-15T09:00:00Z", DeploymentStatus.DEPLOYED, SubscriptionType.NORMAL)));
        List<Run> neverDeployed = TrialCosts.runs(List.of(
                state("2026-11-01T09:00:00Z", DeploymentStatus.REQUIRES_APPROVAL, SubscriptionType.TRIAL),
                state("2026-11-02T09:00:00Z", DeploymentStatus.REJECTED, SubscriptionType.TRIAL)));
        List<Run> failedThenDeployed = TrialCosts.runs(List.of(
                state("2026-11-01T09:00:00Z", DeploymentStatus.PENDING, SubscriptionType.SANDBOX),
                state("2026-11-01T10:00:00Z", DeploymentStatus.FAILED, SubscriptionType.SANDBOX),
                state("2026-11-10T10:00:00Z", DeploymentStatus.DEPLOYED, SubscriptionType.SANDBOX),
                state("2026-11-10T11:00:00Z", DeploymentStatus.STOPPED, SubscriptionType.SANDBOX),
                state("2026-11-12T11:00:00Z", DeploymentStatus.UNDEPLOY_SENT, SubscriptionType.SANDBOX),
                state("2026-11-12T11:05:00Z", DeploymentStatus.UNDEPLOYED, SubscriptionType.SANDBOX)));

        assertThat(TrialCosts.days(converted, NOVEMBER, ROME)).as("Nov 1 to 15, the conversion's day included").isEqualTo(15);
        assertThat(neverDeployed).isEmpty();
        assertThat(failedThenDeployed).as("stopped keeps its infrastructure").containsExactly(
                new Run(Instant.parse("2026-11-10T10:00:00Z"), Instant.parse("2026-11-12T11:00:00Z")));
        assertThat(TrialCosts.days(failedThenDeployed, NOVEMBER, ROME)).isEqualTo(3);
    }

    @Test
    void twoRunsOnOneDayCostItOnceAndARunOfNoLengthNothing() {
        List<Run> runs = TrialCosts.runs(List.of(
                state("2026-11-05T08:00:00Z", DeploymentStatus.DEPLOYED, SubscriptionType.SANDBOX),
                state("2026-11-05T09:00:00Z", DeploymentStatus.FAILED, SubscriptionType.SANDBOX),
                state("2026-11-05T10:00:00Z", DeploymentStatus.DEPLOYED, SubscriptionType.SANDBOX),
                state("2026-11-05T11:00:00Z", DeploymentStatus.UNDEPLOY_SENT, SubscriptionType.SANDBOX),
                state("2026-11-07T11:00:00Z", DeploymentStatus.UNDEPLOYED, SubscriptionType.SANDBOX)));
        List<Run> instant = TrialCosts.runs(List.of(state("2026-11-05T08:00:00Z", DeploymentStatus.DEPLOYED, SubscriptionType.TRIAL),
                state("2026-11-05T08:00:00Z", DeploymentStatus.UNDEPLOY_SENT, SubscriptionType.TRIAL)));

        assertThat(TrialCosts.days(runs, NOVEMBER, ROME)).isEqualTo(1);
        assertThat(instant).isEmpty();
        assertThat(TrialCosts.cost(0, new BigDecimal("3.00"), EUR).amount()).isEqualByComparingTo("0");
    }

    private static State state(String at, DeploymentStatus status, SubscriptionType type) {
        return new State(Instant.parse(at), status, type);
    }
}
