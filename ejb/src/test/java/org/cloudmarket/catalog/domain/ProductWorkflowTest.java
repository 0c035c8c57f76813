package org.cloudmarket.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import org.cloudmarket.pricing.BillingUnit;
import org.cloudmarket.shared.error.Conflict;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.tenancy.domain.Organization;
import org.cloudmarket.tenancy.domain.OrganizationKind;
import org.junit.jupiter.api.Test;

/** DRAFT -> SUBMITTED -> APPROVED | REJECTED -> PUBLISHED -> RETIRED, and nothing else. */
class ProductWorkflowTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Currency EUR = Currency.getInstance("EUR");

    @Test
    void aProductIsSubmittedApprovedAndPublished() {
        Product product = productWithPlan("8.00");

        product.submit(NOW);
        assertThat(product.getStatus()).isEqualTo(ProductStatus.SUBMITTED);
        assertThat(product.getFromPrice()).hasValueSatisfying(price -> assertThat(price).isEqualByComparingTo("8.00"));
        product.approve(NOW);
        product.publish(NOW);

        assertThat(product.getStatus()).isEqualTo(ProductStatus.PUBLISHED);
        assertThat(product.getPublishedAt()).contains(NOW);
        product.retire(NOW);
        product.publish(NOW);
        assertThat(product.getStatus()).isEqualTo(ProductStatus.PUBLISHED);
    }

    @Test
    void theFromPriceIsTheLowestPricePerMonthNotTheLowestNumber() {
        Product product = productWithPlan("8.00");
        product.addPlan(new PlanTerms("Burst", EUR, new BigDecimal("0.05"), BigDecimal.ZERO, 1, BillingUnit.HOURS, 1,
                false, false, false, EnumSet.of(PaymentMethod.CARD)), NOW);
        product.addPlan(terms("Quarterly", "22.50", 3, 3), NOW);

        product.submit(NOW);

        // 0.05 an hour is 36.50 a month, 22.50 every 3 months is 7.50 a month: cheaper than 8.00
        assertThat(product.getFromPrice()).hasValueSatisfying(price -> assertThat(price).isEqualByComparingTo("7.50"));
    }

    @Test
    void aRejectedProductIsEditedAndSubmittedAgain() {
        Product product = productWithPlan("8.00");
        product.submit(NOW);
        product.reject(NOW);

        product.describe(details("Nimbus Mail 2"), null, NOW);
        product.submit(NOW);

        assertThat(product.getStatus()).isEqualTo(ProductStatus.SUBMITTED);
        assertThat(product.getName()).isEqualTo("Nimbus Mail 2");
    }

    @Test
    void stepsOutOfOrderAreConflicts() {
        Product product = productWithPlan("8.00");

        assertThatThrownBy(() -> product.approve(NOW)).isInstanceOf(Conflict.class).hasMessageContaining("is DRAFT");
        assertThatThrownBy(() -> product.publish(NOW)).isInstanceOf(Conflict.class);
        product.submit(NOW);
        assertThatThrownBy(() -> product.describe(details("Changed"), null, NOW)).isInstanceOf(Conflict.class)
                .hasMessageContaining("only a DRAFT or REJECTED product can be changed");
        assertThatThrownBy(() -> product.submit(NOW)).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> product.retire(NOW)).isInstanceOf(Conflict.class);
    }

    @Test
    void aProductWithoutPlansOrABundleOfOneProductIsNotSubmitted() {
        Product empty = new Product(vendor(), ProductKind.STANDARD, "empty", NOW);
        empty.describe(details("Empty"), null, NOW);
        assertThatThrownBy(() -> empty.submit(NOW)).isInstanceOf(InvalidInput.class).hasMessageContaining("at least one plan");

        Product bundle = new Product(vendor(), ProductKind.BUNDLE, "pack", NOW);
        bundle.describe(details("Pack"), null, NOW);
        bundle.addPlan(terms("Pack", "0.00", 1, 1), NOW);
        assertThatThrownBy(() -> bundle.submit(NOW)).isInstanceOf(InvalidInput.class).hasMessageContaining("two products or more");
        assertThatThrownBy(() -> bundle.addPlan(terms("Priced", "5.00", 1, 1), NOW))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("its own prices are zero");
    }

    @Test
    void planTermsRefuseWhatTheEngineCouldNotPrice() {
        assertThat(field(() -> terms("Quarterly", "10.00", 3, 5))).isEqualTo("minimumDuration");
        assertThat(field(() -> terms("Free", "-1.00", 1, 1))).isEqualTo("licensePrice");
        assertThat(field(() -> terms("Never", "1.00", 0, 1))).isEqualTo("billingFrequency");
        assertThat(field(() -> new PlanTerms("Cashless", EUR, BigDecimal.ONE, BigDecimal.ZERO, 1, BillingUnit.MONTHS, 1,
                false, false, false, EnumSet.noneOf(PaymentMethod.class)))).isEqualTo("paymentMethods");
        assertThat(terms("Yearly", "100.00", 12, 24).minimumDuration()).isEqualTo(24);
    }

    @Test
    void twoPlansOfAProductHaveDifferentNames() {
        Product product = productWithPlan("8.00");

        assertThat(field(() -> product.addPlan(terms("standard", "9.00", 1, 1), NOW))).isEqualTo("name");
    }

    @Test
    void productDetailsAreCheckedAndTagsNormalised() {
        ProductDetails details = new ProductDetails(" Nimbus ", "Mail", null, null, List.of(" Email", "email", "", "Calendar"),
                null, null, null, 14);

        assertThat(details.name()).isEqualTo("Nimbus");
        assertThat(details.tags()).containsExactly("email", "calendar");
        assertThat(field(() -> new ProductDetails("", "Mail", null, null, null, null, null, null, 0))).isEqualTo("name");
        assertThat(field(() -> new ProductDetails("Nimbus", "Mail", null, null, null, null, null, null, -1))).isEqualTo("trialDays");
    }

    @Test
    void aMetricsLastTierIsOpenEndedBecauseUsageCannotBeRefused() {
        org.cloudmarket.pricing.TierTable capped = org.cloudmarket.pricing.TierTable.of(
                org.cloudmarket.pricing.Tier.between(1, 10, "1.00"));

        assertThat(field(() -> new MetricTerms("users", "Users", "users", org.cloudmarket.pricing.MetricPricing.Kind.GAUGE, null,
                null, null, org.cloudmarket.pricing.PricingScheme.TIERED, capped))).isEqualTo("tiers");
    }

    /** The field an InvalidInput names (the other catalog tests' check too). */
    static String field(Runnable action) {
        try {
            action.run();
        } catch (InvalidInput invalid) {
            return invalid.field();
        }
        throw new AssertionError("expected an InvalidInput");
    }

    private static Product productWithPlan(String license) {
        Product product = new Product(vendor(), ProductKind.STANDARD, "nimbus-mail", NOW);
        product.describe(details("Nimbus Mail"), null, NOW);
        product.addPlan(terms("Standard", license, 1, 1), NOW);
        return product;
    }

    private static ProductDetails details(String name) {
        return new ProductDetails(name, "Business e-mail", null, null, List.of(), null, null, null, 0);
    }

    private static PlanTerms terms(String name, String license, int frequency, int minimum) {
        return new PlanTerms(name, EUR, new BigDecimal(license), BigDecimal.ZERO, frequency, BillingUnit.MONTHS, minimum,
                false, false, false, EnumSet.of(PaymentMethod.CARD));
    }

    private static Organization vendor() {
        return Organization.underTenant(OrganizationKind.VENDOR, "Nimbus Software", NOW);
    }
}
