package org.cloudmarket.ordering.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cloudmarket.ordering.domain.OrderLine;
import org.cloudmarket.pricing.BillingUnit;
import org.cloudmarket.pricing.BundleComponent;
import org.cloudmarket.pricing.Coupon;
import org.cloudmarket.pricing.PlanPricing;
import org.cloudmarket.pricing.PriceCalculator;
import org.cloudmarket.pricing.Quote;
import org.cloudmarket.pricing.QuoteLine;
import org.cloudmarket.pricing.QuoteRequest;
import org.cloudmarket.shared.money.Money;
import org.junit.jupiter.api.Test;

/** How an order keeps the price chain beside its sell-out lines, and how a bundle's quote splits into one order per plan. */
class OrderPricingTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void eachLineKeepsTheUnitPricesOfTheLevelsAboveAndDiscountsKeepNone() {
        Coupon tenOff = new Coupon("TEN", NOW.minusSeconds(60), NOW.plusSeconds(60),
                new Coupon.PercentOff(BigDecimal.TEN, Coupon.DiscountDestination.TOTAL));
        Quote sellOut = PriceCalculator.quote(new QuoteRequest(plan("12.00", "30.00"), 1, Map.of(), Optional.of(tenOff), NOW));

        List<OrderLine.Priced> lines = OrderPricing.withChain(sellOut, Map.of("license", new BigDecimal("8.00"), "setup-fee",
                        new BigDecimal("20.00")), Map.of("license", new BigDecimal("6.00"), "setup-fee", new BigDecimal("15.00")),
                Map.of("license", new BigDecimal("6.60")));

        assertThat(lines).extracting(OrderLine.Priced::component).containsExactly("license", "setup-fee", "discount");
        assertThat(lines.get(0).unitPrice()).isEqualByComparingTo("12.00");
        assertThat(lines.get(0).vendorUnitPrice()).isEqualByComparingTo("8.00");
        assertThat(lines.get(0).wholesaleUnitPrice()).isEqualByComparingTo("6.00");
        assertThat(lines.get(0).sellInUnitPrice()).isEqualByComparingTo("6.60");
        assertThat(lines.get(1).sellInUnitPrice()).as("a level that does not price the component").isNull();
        assertThat(lines.get(2).amount()).isEqualByComparingTo("-4.20");
        assertThat(lines.get(2).vendorUnitPrice()).as("a discount is the seller's alone").isNull();
        assertThat(lines.stream().map(OrderLine.Priced::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(sellOut.total().amount());
    }

    @Test
    void aBundlesQuoteSplitsIntoOnePartPerPlanEachEndingWithItsDiscount() {
        Quote bundle = PriceCalculator.quoteBundle(List.of(new BundleComponent(plan("8.00", "20.00"), BigDecimal.TEN),
                new BundleComponent(plan("12.00", "0"), new BigDecimal("20"))), 1, NOW);

        List<List<QuoteLine>> parts = OrderPricing.splitAfterDiscounts(bundle.lines());

        assertThat(parts).hasSize(2);
        assertThat(parts.get(0)).extracting(QuoteLine::component).containsExactly("license", "setup-fee", "bundle-discount");
        assertThat(parts.get(1)).extracting(QuoteLine::component).containsExactly("license", "bundle-discount");
        assertThat(parts.stream().flatMap(List::stream).map(line -> line.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(bundle.total().amount());
    }

    private static PlanPricing plan(String license, String setupFee) {
        return new PlanPricing("Pro", Money.of(license, "EUR"), Money.of(setupFee, "EUR"), 1, BillingUnit.MONTHS, 1, 0, List.of());
    }
}
