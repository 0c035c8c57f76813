package org.cloudmarket.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.cloudmarket.pricing.BillingUnit;
import org.cloudmarket.subscription.domain.BillingCycle;
import org.junit.jupiter.api.Test;

/** A DEFERRED downgrade waits for the next period start, and a run reaching it applies it there, not at the run's instant. */
class DeferredChangesTest {

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");
    private final BillingCycle monthly = BillingCycle.of(Instant.parse("2027-01-14T23:00:00Z"), BillingUnit.MONTHS, 1, ROME);

    @Test
    void aRunInsideTheCurrentPeriodLeavesTheChangeWaiting() {
        Instant march = monthly.period(2).start();
        assertThat(DeferredChanges.takesEffect(monthly, march, monthly.period(3).start().minusSeconds(1))).isEmpty();
    }

    @Test
    void aRunAtOrAfterTheNextPeriodStartAppliesItAtThatStart() {
        Instant march = monthly.period(2).start();
        assertThat(DeferredChanges.takesEffect(monthly, march, monthly.period(3).start())).contains(monthly.period(3).start());
        assertThat(DeferredChanges.takesEffect(monthly, march, monthly.period(5).start().plusSeconds(7200)))
                .as("a late run: at the first period after the current one, the periods between billed on the new terms")
                .contains(monthly.period(3).start());
    }
}
