package org.cloudmarket.billing.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cloudmarket.billing.domain.FeePercents;
import org.cloudmarket.billing.domain.BilledKey;
import org.cloudmarket.billing.domain.BillingPlan;
import org.cloudmarket.billing.domain.DueProceed;
import org.cloudmarket.billing.domain.PeriodUsage;
import org.cloudmarket.billing.domain.ProceedChain;
import org.cloudmarket.billing.domain.ProceedKind;
import org.cloudmarket.billing.domain.RecurringGenerator;
import org.cloudmarket.pricing.BillingPeriod;
import org.cloudmarket.pricing.BillingUnit;
import org.cloudmarket.pricing.PlanPricing;
import org.cloudmarket.shared.money.Money;
import org.cloudmarket.shared.persistence.TenantOwned;
import org.cloudmarket.subscription.domain.BillingCycle;
import org.cloudmarket.subscription.domain.Change;
import org.cloudmarket.subscription.domain.DeploymentStatus;
import org.cloudmarket.subscription.domain.PriceSnapshot;
import org.cloudmarket.subscription.domain.Quantities;
import org.cloudmarket.subscription.domain.Subscription;
import org.cloudmarket.subscription.domain.SubscriptionType;
import org.cloudmarket.subscription.domain.TrialConversion;
import org.junit.jupiter.api.Test;

/**
 * A trial turned paid, then billed by the run (review 13, finding 1): the subscription as the order made it (a 14-day
 * trial of a monthly plan from Nov 1), converted by {@link TrialConversion} as TrialEnds converts it, read into terms by
 * the run's own mapping ({@link DueSubscription#of}, {@link DueSubscription#terms}) and planned by the generator. Its
 * first paid period (Nov 15 - Dec 15) was billed by the conversion; the run bills nothing before Dec 15, then that period.
 */
class RecurringGeneratorConvertedTrialTest {

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Duration GRACE = Duration.ofHours(2);

    @Test
    void aConvertedTrialsNextRunBillsNothingUntilItsSecondPaidPeriod() throws ReflectiveOperationException {
        Instant trialStart = local("2027-11-01T00:00");
        Instant trialEnd = trialStart.plus(Duration.ofDays(14)); // Nov 15, 00:00 in Rome
        Subscription subscription = trial(trialStart, trialEnd);
        TrialConversion conversion = TrialConversion.of(subscription, ROME, trialEnd.plusSeconds(2));
        conversion.changes().forEach(change -> change.applyAt(subscription, trialEnd.plusSeconds(2)));
        assertThat(conversion.first()).isEqualTo(new BillingPeriod(local("2027-11-15T00:00"), local("2027-12-15T00:00")));
        assertThat(subscription.getAnchorAt()).isEqualTo(local("2027-11-15T00:00"));
        assertThat(subscription.getWindowStart()).isEqualTo(local("2027-11-15T00:00"));

        Set<BilledKey> billed = firstPaidPeriod(subscription, conversion.first());
        var terms = DueSubscription.of(subscription, null, billed).terms(ROME, Optional.empty(), FeePercents.flat(BigDecimal.ZERO));

        assertThat(plan(terms, billed, "2027-11-15T01:00").proceeds()).as("the first paid period is the conversion's").isEmpty();
        assertThat(plan(terms, billed, "2027-12-01T00:05").proceeds()).as("the trial's cycle would start a period here").isEmpty();
        assertThat(plan(terms, billed, "2027-12-14T23:59").proceeds()).isEmpty();
        List<DueProceed> second = plan(terms, billed, "2027-12-15T00:05").proceeds();
        assertThat(second).singleElement().satisfies(proceed -> {
            assertThat(proceed.item().kind()).isEqualTo(ProceedKind.LICENSE);
            assertThat(proceed.period()).isEqualTo(new BillingPeriod(local("2027-12-15T00:00"), local("2028-01-15T00:00")));
            assertThat(proceed.item().chain().amount()).isEqualByComparingTo("15.00");
        });
        assertThat(terms.endsAt()).as("a 12-month window from the trial's end").isEqualTo(local("2028-11-15T00:00"));
    }

    @Test
    void anEndedSubscriptionsTermsCarryItsEnd() throws ReflectiveOperationException {
        Instant start = local("2027-11-01T00:00");
        Subscription subscription = trial(start, start.plus(Duration.ofDays(14)));
        Instant ended = local("2027-11-03T10:00");
        new Change.Status(DeploymentStatus.UNDEPLOY_SENT).applyAt(subscription, ended);
        new Change.Status(DeploymentStatus.UNDEPLOYED).applyAt(subscription, ended.plusSeconds(1));

        assertThat(subscription.getEndedAt()).contains(ended);
        assertThat(DueSubscription.of(subscription, null, Set.of()).terms(ROME, Optional.empty(), FeePercents.flat(BigDecimal.ZERO)).endedAt()).contains(ended);
    }

    private static BillingPlan plan(org.cloudmarket.billing.domain.BillingTerms terms, Set<BilledKey> billed, String at) {
        return RecurringGenerator.plan(terms, billed, PeriodUsage.NONE, local(at), GRACE);
    }

    /** What the conversion's PeriodBilling wrote for its first paid period: its prepaid items, the setup fee included. */
    private static Set<BilledKey> firstPaidPeriod(Subscription subscription, BillingPeriod first) {
        Set<BilledKey> billed = new HashSet<>();
        ProceedChain.items(new ProceedChain.PeriodInput(PriceSnapshot.fromJson(subscription.getPrices()), subscription.getDuration(), Map.of(),
                        Optional.empty(), new ProceedChain.QuoteRequestTime(first.start(), ROME, first.start()), true, FeePercents.flat(BigDecimal.ZERO)))
                .forEach(item -> billed.add(new BilledKey(item.component(), item.kind(), first.start())));
        return billed;
    }

    /** A 14-day trial of a monthly plan as OrderRows makes one: anchored at the trial's start, its one period the trial. */
    private static Subscription trial(Instant start, Instant trialEnd) throws ReflectiveOperationException {
        PriceSnapshot prices = new PriceSnapshot(plan("10.00"), plan("12.00"), plan("13.00"), plan("15.00"), EUR, EUR, null);
        BillingCycle cycle = BillingCycle.of(start, BillingUnit.MONTHS, 1, ROME);
        Subscription trial = new Subscription(SubscriptionType.TRIAL, DeploymentStatus.DEPLOYED,
                new Subscription.Parties(1L, null, null, 2L, 3L, 4L, 5L, null), EUR, null, prices.toJson(), Quantities.NONE, null,
                new Subscription.Window(12, cycle.anchor(), start, trialEnd, trialEnd), true, trialEnd, true, start);
        var id = TenantOwned.class.getDeclaredField("id"); // as the database gives it
        id.setAccessible(true);
        id.set(trial, 7L);
        return trial;
    }

    private static PlanPricing plan(String license) {
        return new PlanPricing("Pro", new Money(new BigDecimal(license), EUR), new Money(new BigDecimal("8.00"), EUR), 1, BillingUnit.MONTHS,
                12, 14, List.of());
    }

    private static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(ROME).toInstant();
    }
}
