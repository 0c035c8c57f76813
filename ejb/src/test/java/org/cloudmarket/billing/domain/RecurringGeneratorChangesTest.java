package org.cloudmarket.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cloudmarket.pricing.BillingPeriod;
import org.cloudmarket.pricing.Coupon;
import org.cloudmarket.pricing.ExtraResourceBilling;
import org.cloudmarket.subscription.domain.DeploymentStatus;
import org.cloudmarket.subscription.domain.SubscriptionType;
import org.junit.jupiter.api.Test;

/**
 * What changes what the generator bills: mid-period changes (reconciled with their proration pair, as Kill Bill's
 * SubscriptionItemTree reconciles), price lists and coupons over a window, postpaid lines priced at every level, the end
 * of a subscription, and subscriptions billed to nobody.
 */
class RecurringGeneratorChangesTest {

    @Test
    void aMidPeriodUpgradeIsNotBilledAgainAndTheNextPeriodIsAtTheNewPlansPrices() {
        GeneratorTerms terms = GeneratorTerms.monthlyFrom(LocalDate.of(2027, 1, 1));
        GeneratorRuns runs = new GeneratorRuns(terms.build(), terms.firstInvoice());
        runs.runAt(terms.local("2027-03-01T00:05")); // periods 1 and 2 at 15.00
        Instant upgrade = terms.local("2027-03-16T10:00");
        Instant march = terms.local("2027-03-01T00:00");
        runs.billed(new BilledKey("license", ProceedKind.PRORATION_CREDIT, march));
        runs.billed(new BilledKey("license", ProceedKind.PRORATION_DEBIT, march));
        terms.sellOutLicense = new BigDecimal("25.00");
        terms.windowStart = upgrade; // a plan change opens a window at the new plan's prices
        runs.terms = terms.build();

        assertThat(runs.runAt(upgrade.plusSeconds(300)).proceeds()).isEmpty();
        assertThat(runs.runAt(terms.local("2027-03-31T23:59")).proceeds()).isEmpty();
        DueProceed april = runs.runAt(terms.local("2027-04-01T00:05")).proceeds().get(0);
        assertThat(april.period().start()).isEqualTo(terms.local("2027-04-01T00:00"));
        assertThat(april.item().chain().amount()).isEqualByComparingTo("25.00");
        assertThat(april.item().chain().vendorAmount()).isEqualByComparingTo("20.00");
        assertThat(runs.written()).filteredOn(proceed -> proceed.period().start().equals(march)).hasSize(1)
                .allMatch(proceed -> proceed.item().chain().amount().compareTo(new BigDecimal("15.00")) == 0);
    }

    @Test
    void aComponentItsProrationPairBilledIsNotChargedInFullForThatPeriod() {
        GeneratorTerms terms = GeneratorTerms.monthlyFrom(LocalDate.of(2027, 1, 1))
                .withExtra("storage", ExtraResourceBilling.PRE_PAID, "2.00", 5); // raised from 3 on Feb 10, before any run
        java.util.Set<BilledKey> billed = new java.util.HashSet<>(terms.firstInvoice());
        Instant february = terms.local("2027-02-01T00:00");
        billed.add(new BilledKey("extra:storage", ProceedKind.PRORATION_CREDIT, february));
        billed.add(new BilledKey("extra:storage", ProceedKind.PRORATION_DEBIT, february));
        GeneratorRuns runs = new GeneratorRuns(terms.build(), billed);

        List<DueProceed> late = runs.runAt(terms.local("2027-02-10T12:00")).proceeds();
        assertThat(late).extracting(proceed -> proceed.item().component()).containsExactly("license");
        List<DueProceed> march = runs.runAt(terms.local("2027-03-01T00:05")).proceeds();
        assertThat(march).extracting(proceed -> proceed.item().component()).containsExactly("license", "extra:storage");
        assertThat(march.get(1).item().chain().amount()).isEqualByComparingTo("10.00"); // 5 x 2.00
    }

    @Test
    void aPriceListChangeWaitsForTheRenewalAndTheCouponForItsExpiry() {
        GeneratorTerms terms = GeneratorTerms.monthlyFrom(LocalDate.of(2027, 1, 1));
        terms.coupon = Optional.of(new Coupon("TEN", terms.local("2026-12-01T00:00"), terms.local("2027-03-15T00:00"),
                new Coupon.PercentOff(BigDecimal.TEN, Coupon.DiscountDestination.TOTAL)));
        GeneratorRuns runs = new GeneratorRuns(terms.build(), terms.firstInvoice());
        for (int month = 2; month <= 12; month++) {
            runs.runAt(terms.local(String.format("2027-%02d-01T00:05", month)));
        }
        assertThat(runs.runAt(terms.local("2028-01-01T00:05")).renewalDue()).isTrue();
        assertThat(runs.written()).filteredOn(proceed -> proceed.item().kind() == ProceedKind.LICENSE).hasSize(11)
                .allMatch(proceed -> proceed.item().chain().amount().compareTo(new BigDecimal("15.00")) == 0
                        && proceed.item().chain().vendorAmount().compareTo(new BigDecimal("10.00")) == 0
                        && proceed.item().chain().wholesaleAmount().compareTo(new BigDecimal("12.00")) == 0
                        && proceed.item().chain().sellInAmount().compareTo(new BigDecimal("13.00")) == 0);
        assertThat(runs.written()).filteredOn(proceed -> proceed.item().kind() == ProceedKind.DISCOUNT)
                .extracting(proceed -> proceed.period().start().atZone(terms.zone).getMonthValue()).containsExactly(2, 3);

        // the caller renews: a new window from today's lists (18.00), from the old window's end
        terms.sellOutLicense = new BigDecimal("18.00");
        terms.windowStart = terms.endsAt;
        terms.endsAt = terms.cycle().windowEnd(12, 12);
        runs.terms = terms.build();
        List<DueProceed> renewed = runs.runAt(terms.local("2028-02-01T00:05")).proceeds();
        assertThat(renewed).extracting(DueProceed::origin).containsExactly(PeriodOrigin.RENEWAL, PeriodOrigin.MONTHLY);
        assertThat(renewed).allMatch(proceed -> proceed.item().chain().amount().compareTo(new BigDecimal("18.00")) == 0);
    }

    @Test
    void postpaidLinesComeAfterTheEndAndTheGracePricedAtEveryLevelAndRoundedOncePerLine() {
        GeneratorTerms terms = GeneratorTerms.monthlyFrom(LocalDate.of(2027, 1, 1)).withMetric("traffic", "0.10")
                .withExtra("backup", ExtraResourceBilling.POST_PAID, "2.00", 3).withPayAsYouGo("compute", "cpu", "4.00");
        terms.feePercent = BigDecimal.TEN;
        terms.feeOverrides.put("backup", new BigDecimal("5"));
        GeneratorRuns runs = new GeneratorRuns(terms.build(), terms.firstInvoice())
                .usage(Map.of("traffic", new BigDecimal("1234.55"), "cpu", new BigDecimal("2.3")));
        Instant end = terms.local("2027-02-01T00:00");

        assertThat(runs.runAt(end.plus(GeneratorTerms.GRACE).minusSeconds(1)).proceeds())
                .extracting(proceed -> proceed.item().kind()).containsExactly(ProceedKind.LICENSE);
        assertThat(runs.measured).isEmpty();
        List<DueProceed> postpaid = runs.runAt(end.plus(GeneratorTerms.GRACE)).proceeds();
        assertThat(postpaid).extracting(proceed -> proceed.item().component() + "/" + proceed.item().kind())
                .containsExactly("extra:backup/EXTRA_RESOURCE", "extra:compute/USAGE", "metric:traffic/USAGE");
        assertThat(postpaid).allMatch(proceed -> proceed.period().equals(new BillingPeriod(terms.local("2027-01-01T00:00"), end)));
        Proceed.Chain backup = postpaid.get(0).item().chain();
        assertThat(backup.amount()).isEqualByComparingTo("6.00");
        assertThat(backup.vendorAmount()).isEqualByComparingTo("3.00");
        assertThat(backup.platformFee()).as("the extra resource's own 5 %").isEqualByComparingTo("0.15");
        Proceed.Chain compute = postpaid.get(1).item().chain();
        assertThat(compute.amount()).as("2.3 vCPU is 3 whole units").isEqualByComparingTo("12.00");
        assertThat(compute.vendorAmount()).isEqualByComparingTo("6.00");
        assertThat(compute.platformFee()).isEqualByComparingTo("0.60");
        Proceed.Chain traffic = postpaid.get(2).item().chain();
        assertThat(traffic.unitPrice()).as("unrounded").isEqualByComparingTo("123.455");
        assertThat(traffic.amount()).isEqualByComparingTo("123.46");
        assertThat(traffic.vendorAmount()).isEqualByComparingTo("61.73"); // 0.05 x 1234.55 = 61.7275, rounded once
        assertThat(traffic.wholesaleAmount()).isEqualByComparingTo("86.42"); // 0.07 x 1234.55 = 86.4185
        assertThat(traffic.sellInAmount()).isEqualByComparingTo("98.76"); // 0.08 x 1234.55 = 98.764
        assertThat(traffic.platformFee()).isEqualByComparingTo("6.17");
        assertThat(runs.runAt(end.plus(GeneratorTerms.GRACE)).proceeds()).isEmpty();
    }

    @Test
    void thePlatformFeeIsTakenPerPrepaidLineWithAnExtraResourcesOwnPercentage() {
        GeneratorTerms terms = GeneratorTerms.monthlyFrom(LocalDate.of(2027, 1, 1)).withExtra("storage", ExtraResourceBilling.PRE_PAID, "2.00", 3);
        terms.feePercent = BigDecimal.TEN;
        terms.feeOverrides.put("storage", new BigDecimal("5"));

        List<DueProceed> february = new GeneratorRuns(terms.build(), terms.firstInvoice()).runAt(terms.local("2027-02-01T00:05")).proceeds();

        assertThat(february).extracting(proceed -> proceed.item().component()).containsExactly("license", "extra:storage");
        assertThat(february.get(0).item().chain().platformFee()).as("10 % of the vendor's 10.00").isEqualByComparingTo("1.00");
        assertThat(february.get(1).item().chain().vendorAmount()).isEqualByComparingTo("3.00");
        assertThat(february.get(1).item().chain().platformFee()).as("5 % of the vendor's 3.00").isEqualByComparingTo("0.15");
    }

    @Test
    void aTerminatedSubscriptionIsBilledPostpaidUpToItsEndAndNothingAfter() {
        GeneratorTerms terms = GeneratorTerms.monthlyFrom(LocalDate.of(2027, 1, 1)).withMetric("traffic", "0.10")
                .withExtra("backup", ExtraResourceBilling.POST_PAID, "2.00", 3);
        GeneratorRuns runs = new GeneratorRuns(terms.build(), terms.firstInvoice()).usage(Map.of("traffic", BigDecimal.TEN));
        runs.runAt(terms.local("2027-03-01T02:00")); // periods 1, 2 prepaid; period 0 and 1 postpaid
        Instant terminated = terms.local("2027-03-10T12:00");
        terms.status = DeploymentStatus.UNDEPLOY_SENT;
        terms.endedAt = Optional.of(terminated);
        runs.terms = terms.build();

        assertThat(runs.runAt(terminated.plus(GeneratorTerms.GRACE).minusSeconds(1)).proceeds()).isEmpty();
        BillingPlan last = runs.runAt(terminated.plus(GeneratorTerms.GRACE));
        assertThat(last.proceeds()).extracting(proceed -> proceed.item().component())
                .containsExactly("extra:backup", "metric:traffic");
        assertThat(last.proceeds()).allMatch(proceed -> proceed.period().equals(new BillingPeriod(terms.local("2027-03-01T00:00"), terminated)));
        assertThat(runs.measured).last().isEqualTo(new BillingPeriod(terms.local("2027-03-01T00:00"), terminated));
        assertThat(last.renewalDue()).isFalse();
        assertThat(runs.runAt(terms.local("2028-06-01T00:00"))).isEqualTo(BillingPlan.NOTHING);
        terms.status = DeploymentStatus.UNDEPLOYED;
        runs.terms = terms.build();
        assertThat(runs.runAt(terms.local("2028-06-01T00:00"))).isEqualTo(BillingPlan.NOTHING);
    }

    @Test
    void anUndeployedSubscriptionStillOwesItsLastPeriodsUsage() {
        GeneratorTerms terms = GeneratorTerms.monthlyFrom(LocalDate.of(2027, 1, 1)).withMetric("traffic", "0.10");
        terms.status = DeploymentStatus.UNDEPLOYED;
        terms.endedAt = Optional.of(terms.local("2027-01-20T00:00"));
        GeneratorRuns runs = new GeneratorRuns(terms.build(), terms.firstInvoice()).usage(Map.of("traffic", BigDecimal.TEN));

        assertThat(runs.runAt(terms.local("2027-03-01T00:00")).proceeds()).extracting(proceed -> proceed.item().component())
                .containsExactly("metric:traffic");
        terms.endedAt = Optional.empty();
        assertThat(RecurringGenerator.plan(terms.build(), java.util.Set.of(), PeriodUsage.NONE, terms.local("2027-03-01T00:00"),
                GeneratorTerms.GRACE)).as("undeployed with no known end: nothing").isEqualTo(BillingPlan.NOTHING);
    }

    @Test
    void trialsSandboxesAndSubscriptionsNeverBoughtAreBilledNothing() {
        GeneratorTerms terms = GeneratorTerms.monthlyFrom(LocalDate.of(2027, 1, 1)).withMetric("traffic", "0.10");
        Instant later = terms.local("2027-08-01T03:00");
        for (SubscriptionType type : List.of(SubscriptionType.TRIAL, SubscriptionType.SANDBOX)) {
            terms.type = type;
            assertThat(plan(terms, later)).as(type.name()).isEqualTo(BillingPlan.NOTHING);
        }
        terms.type = SubscriptionType.NORMAL;
        for (DeploymentStatus status : List.of(DeploymentStatus.REQUIRES_APPROVAL, DeploymentStatus.WAITING_PAYMENT,
                DeploymentStatus.REJECTED, DeploymentStatus.PAYMENT_EXPIRED)) {
            terms.status = status;
            assertThat(plan(terms, later)).as(status.name()).isEqualTo(BillingPlan.NOTHING);
        }
        terms.status = DeploymentStatus.STOPPED;
        assertThat(plan(terms, later).proceeds()).as("a suspended subscription still runs its commitment").isNotEmpty();
        assertThat(plan(terms, terms.local("2026-12-31T23:00"))).as("a postponed start").isEqualTo(BillingPlan.NOTHING);
    }

    @Test
    void billedSinceReachesBackOverAWindowsStartByTheGrace() {
        GeneratorTerms terms = GeneratorTerms.monthlyFrom(LocalDate.of(2027, 1, 1));
        assertThat(RecurringGenerator.billedSince(terms.build(), GeneratorTerms.GRACE)).isEqualTo(terms.local("2027-01-01T00:00"));
        terms.windowStart = terms.local("2028-01-01T00:00");
        assertThat(RecurringGenerator.billedSince(terms.build(), GeneratorTerms.GRACE)).isEqualTo(terms.local("2027-12-01T00:00"));
    }

    private static BillingPlan plan(GeneratorTerms terms, Instant at) {
        return RecurringGenerator.plan(terms.build(), terms.firstInvoice(), period -> Map.of("traffic", BigDecimal.ONE), at,
                GeneratorTerms.GRACE);
    }
}
