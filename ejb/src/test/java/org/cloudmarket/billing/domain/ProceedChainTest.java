package org.cloudmarket.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cloudmarket.pricing.BillingUnit;
import org.cloudmarket.pricing.Coupon;
import org.cloudmarket.pricing.ExchangeRate;
import org.cloudmarket.pricing.ExtraResourceBilling;
import org.cloudmarket.pricing.ExtraResourcePricing;
import org.cloudmarket.pricing.PlanPricing;
import org.cloudmarket.pricing.PricingScheme;
import org.cloudmarket.pricing.Tier;
import org.cloudmarket.pricing.TierTable;
import org.cloudmarket.shared.money.Money;
import org.cloudmarket.subscription.domain.PriceSnapshot;
import org.junit.jupiter.api.Test;

/** One period's proceeds at every level of the chain (DOMAIN.md, Billing): matched by component, coupon on sell-out only. */
class ProceedChainTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency USD = Currency.getInstance("USD");
    private static final Instant START = Instant.parse("2026-12-01T00:00:00Z");
    private static final Coupon TEN_OFF = new Coupon("TEN", START.minusSeconds(3600), START.plusSeconds(86_400),
            new Coupon.PercentOff(BigDecimal.TEN, Coupon.DiscountDestination.TOTAL));

    @Test
    void theFirstPeriodBillsLicenseSetupFeeAndExtrasWithTheirWholeChainAndTheFee() {
        List<ProceedChain.Item> items = ProceedChain.items(input(snapshot(), Optional.empty(), true, "10"));

        assertThat(items).extracting(ProceedChain.Item::kind)
                .containsExactly(ProceedKind.LICENSE, ProceedKind.SETUP_FEE, ProceedKind.EXTRA_RESOURCE);
        ProceedChain.Item license = items.get(0);
        assertThat(license.component()).isEqualTo("license");
        assertThat(license.chain().amount()).isEqualByComparingTo("15.00");
        assertThat(license.chain().vendorAmount()).isEqualByComparingTo("10.00");
        assertThat(license.chain().wholesaleAmount()).isEqualByComparingTo("12.00");
        assertThat(license.chain().sellInAmount()).isEqualByComparingTo("13.00");
        assertThat(license.chain().platformFee()).isEqualByComparingTo("1.00"); // 10 % of the vendor's 10.00
        ProceedChain.Item storage = items.get(2);
        assertThat(storage.component()).isEqualTo("extra:storage");
        assertThat(storage.chain().amount()).isEqualByComparingTo("6.00"); // 3 x 2.00 sell-out
        assertThat(storage.chain().vendorAmount()).isEqualByComparingTo("3.00"); // 3 x 1.00
        assertThat(items.get(1).chain().vendorAmount()).isEqualByComparingTo("5.00");
    }

    /** DOMAIN, Decisions: the platform fee is overridable per extra resource; the first period's proceeds carry it too. */
    @Test
    void anExtraResourcesOwnPlatformFeeReplacesTheMarketplacesOnItsLinesOnly() {
        FeePercents fees = new FeePercents(new BigDecimal("10"), java.util.Map.of("storage", new BigDecimal("50"), "backup", BigDecimal.ONE));
        List<ProceedChain.Item> items = ProceedChain.items(new ProceedChain.PeriodInput(snapshot(), 1, java.util.Map.of("storage", 3L),
                Optional.empty(), new ProceedChain.QuoteRequestTime(START, ZoneId.of("Europe/Rome"), START), true, fees));

        assertThat(items.get(0).chain().platformFee()).as("the license: the marketplace's 10 %").isEqualByComparingTo("1.00");
        assertThat(items.get(1).chain().platformFee()).as("the setup fee: the marketplace's").isEqualByComparingTo("0.50");
        assertThat(items.get(2).chain().platformFee()).as("storage's own 50 % of 3.00").isEqualByComparingTo("1.50");
        assertThat(fees.of("extra:backup")).isEqualByComparingTo("1");
        assertThat(fees.of("license")).isEqualByComparingTo("10");
        assertThat(fees.of("extra:seats")).as("a resource without its own").isEqualByComparingTo("10");
    }

    @Test
    void aLaterPeriodHasNoSetupFee() {
        assertThat(ProceedChain.items(input(snapshot(), Optional.empty(), false, "0"))).extracting(ProceedChain.Item::kind)
                .containsExactly(ProceedKind.LICENSE, ProceedKind.EXTRA_RESOURCE);
    }

    @Test
    void theCouponLowersTheSellOutOnlyAndItsLineHasNoUpstreamAmounts() {
        List<ProceedChain.Item> items = ProceedChain.items(input(snapshot(), Optional.of(TEN_OFF), true, "10"));

        ProceedChain.Item discount = items.get(items.size() - 1);
        assertThat(discount.kind()).isEqualTo(ProceedKind.DISCOUNT);
        assertThat(discount.chain().amount()).isEqualByComparingTo("-2.90"); // 10 % of 15 + 8 + 6
        assertThat(discount.chain().vendorAmount()).isNull();
        assertThat(discount.chain().sellInAmount()).isNull();
        assertThat(discount.chain().platformFee()).isNull();
        assertThat(items.get(0).chain().vendorAmount()).as("the vendor is paid in full").isEqualByComparingTo("10.00");
    }

    @Test
    void aForeignStorefrontKeepsItsRateAndTheUpstreamCurrency() {
        PriceSnapshot usd = new PriceSnapshot(plan(EUR, "10.00", "5.00", "1.00"), plan(EUR, "12.00", "6.00", "1.20"),
                plan(EUR, "13.00", "7.00", "1.50"), plan(USD, "16.00", "9.00", "2.50"), EUR, USD,
                new ExchangeRate(EUR, USD, new BigDecimal("1.085000")));

        ProceedChain.Item license = ProceedChain.items(input(usd, Optional.empty(), true, "0")).get(0);

        assertThat(license.chain().currency()).isEqualTo(USD);
        assertThat(license.chain().upstreamCurrency()).isEqualTo(EUR);
        assertThat(license.chain().exchangeRate()).isEqualByComparingTo("1.085");
        assertThat(license.chain().platformFee()).isEqualByComparingTo("0");
    }

    @Test
    void billingAPeriodAgainAddsNothingAndARunCutShortGetsOnlyTheRest() {
        List<ProceedChain.Item> items = ProceedChain.items(input(snapshot(), Optional.of(TEN_OFF), true, "0"));
        java.util.Set<String> all = items.stream().map(item -> ProceedChain.key(item.component(), item.kind()))
                .collect(java.util.stream.Collectors.toSet());

        assertThat(ProceedChain.missing(items, java.util.Set.of())).isEqualTo(items);
        assertThat(ProceedChain.missing(items, all)).as("the same period billed twice").isEmpty();
        assertThat(ProceedChain.missing(items, java.util.Set.of("license/LICENSE", "setup-fee/SETUP_FEE")))
                .extracting(ProceedChain.Item::kind).containsExactly(ProceedKind.EXTRA_RESOURCE, ProceedKind.DISCOUNT);
    }

    private static ProceedChain.PeriodInput input(PriceSnapshot snapshot, Optional<Coupon> coupon, boolean first, String feePercent) {
        return new ProceedChain.PeriodInput(snapshot, 1, Map.of("storage", 3L), coupon,
                new ProceedChain.QuoteRequestTime(START, ZoneId.of("Europe/Rome"), START), first, FeePercents.flat(new BigDecimal(feePercent)));
    }

    private static PriceSnapshot snapshot() {
        return new PriceSnapshot(plan(EUR, "10.00", "5.00", "1.00"), plan(EUR, "12.00", "6.00", "1.20"), plan(EUR, "13.00", "7.00", "1.50"),
                plan(EUR, "15.00", "8.00", "2.00"), EUR, EUR, null);
    }

    private static PlanPricing plan(Currency currency, String license, String setupFee, String storage) {
        return new PlanPricing("Pro", new Money(new BigDecimal(license), currency), new Money(new BigDecimal(setupFee), currency), 1,
                BillingUnit.MONTHS, 1, 0, List.of(new ExtraResourcePricing("storage", "Storage", "GB", PricingScheme.VOLUME,
                TierTable.of(Tier.from(1, storage)), ExtraResourceBilling.PRE_PAID)));
    }
}
