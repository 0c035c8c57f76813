package org.cloudmarket.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.cloudmarket.subscription.domain.DeploymentStatus;
import org.junit.jupiter.api.Test;

/**
 * Review 13, point 20, a decision (docs/architecture.md, Billing engine: a suspended subscription is still billed): STOPPED
 * is a suspension under a contract that still holds, so its periods are billed and its window renews as a DEPLOYED one's;
 * the end (UNDEPLOY_SENT, delayDays after the due date) is what stops the billing, at {@code endedAt}.
 */
class RecurringGeneratorSuspendedTest {

    @Test
    void aStoppedSubscriptionIsBilledItsPeriodsAndRenewsAsItsContractSays() {
        GeneratorTerms terms = GeneratorTerms.monthlyFrom(LocalDate.of(2027, 1, 15));
        terms.duration = 2;
        terms.startingAt(terms.anchor);
        GeneratorTerms deployed = GeneratorTerms.monthlyFrom(LocalDate.of(2027, 1, 15));
        deployed.duration = 2;
        deployed.startingAt(deployed.anchor);
        terms.status = DeploymentStatus.STOPPED;

        BillingPlan stopped = new GeneratorRuns(terms.build(), terms.firstInvoice()).runAt(terms.local("2027-02-15T00:05"));
        BillingPlan running = new GeneratorRuns(deployed.build(), deployed.firstInvoice()).runAt(deployed.local("2027-02-15T00:05"));
        assertThat(stopped.proceeds()).as("the second month's license, as a DEPLOYED one's").hasSize(1)
                .isEqualTo(running.proceeds());
        assertThat(new GeneratorRuns(terms.build(), terms.firstInvoice()).runAt(terms.local("2027-03-15T00:05")).renewalDue())
                .as("and its window renews at its end").isTrue();
    }

    @Test
    void itsEndStopsTheBilling() {
        GeneratorTerms terms = GeneratorTerms.monthlyFrom(LocalDate.of(2027, 1, 15));
        terms.status = DeploymentStatus.UNDEPLOY_SENT; // delayDays after the due date, during the second month
        terms.endedAt = Optional.of(terms.local("2027-03-01T10:00"));
        BillingPlan plan = new GeneratorRuns(terms.build(), terms.firstInvoice()).runAt(terms.local("2027-06-01T00:00"));
        assertThat(plan.proceeds()).as("the second month only, started before the end").singleElement()
                .satisfies(proceed -> assertThat(proceed.period().start()).isEqualTo(terms.local("2027-02-15T00:00")));
        assertThat(plan.renewalDue()).isFalse();
    }
}
