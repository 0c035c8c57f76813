package org.cloudmarket.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.cloudmarket.pricing.BillingUnit;
import org.cloudmarket.pricing.ExtraResourceBilling;
import org.cloudmarket.pricing.MetricPricing.Aggregation;
import org.cloudmarket.pricing.MetricPricing.Kind;
import org.cloudmarket.pricing.PricingScheme;
import org.cloudmarket.pricing.Tier;
import org.cloudmarket.pricing.TierTable;
import org.cloudmarket.tenancy.domain.Organization;
import org.cloudmarket.tenancy.domain.OrganizationKind;
import org.junit.jupiter.api.Test;

/** Issue 12, what the catalog learns: metrics' functions, polls and quotas; extra resources' billing kinds. */
class MeteringTermsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final TierTable TIERS = TierTable.of(Tier.from(1, "0.04"));

    @Test
    void aGaugeIsMeasuredByAverageOrPeakACounterByIncreaseOrValue() {
        assertThat(metric(Kind.GAUGE, null).aggregation()).isEqualTo(Aggregation.AVERAGE);
        assertThat(metric(Kind.COUNTER, null).aggregation()).isEqualTo(Aggregation.INCREASE);
        assertThat(metric(Kind.GAUGE, Aggregation.PEAK).aggregation()).isEqualTo(Aggregation.PEAK);
        assertThat(metric(Kind.COUNTER, Aggregation.VALUE).aggregation()).isEqualTo(Aggregation.VALUE);

        assertThat(field(() -> metric(Kind.COUNTER, Aggregation.AVERAGE))).isEqualTo("aggregation");
        assertThat(field(() -> metric(Kind.COUNTER, Aggregation.PEAK))).isEqualTo("aggregation");
        assertThat(field(() -> metric(Kind.GAUGE, Aggregation.INCREASE))).isEqualTo("aggregation");
        assertThat(field(() -> metric(Kind.GAUGE, Aggregation.VALUE))).isEqualTo("aggregation");
    }

    @Test
    void aPolledMetricHasAnAbsoluteHttpEndpointAndAFrequency() {
        MetricTerms polled = polled("https://api.example.com/usage/users", "EVERY_5_MINUTES");
        assertThat(polled.endpoint()).isEqualTo("https://api.example.com/usage/users");
        assertThat(polled.frequency()).isEqualTo("EVERY_5_MINUTES");
        assertThat(polled("http://10.0.0.1:8080/m", "EVERY_30_SECONDS").frequency()).isEqualTo("EVERY_30_SECONDS");

        assertThat(field(() -> polled("/metric/users", "EVERY_5_MINUTES"))).as("SYNDICATION's relative path").isEqualTo("endpoint");
        assertThat(field(() -> polled("ftp://example.com/users", "EVERY_5_MINUTES"))).isEqualTo("endpoint");
        assertThat(field(() -> polled("https://", "EVERY_5_MINUTES"))).isEqualTo("endpoint");
        assertThat(field(() -> polled("https://exa mple.com/", "EVERY_5_MINUTES"))).isEqualTo("endpoint");
        assertThat(field(() -> polled("https://example.com/" + "a".repeat(481), "EVERY_5_MINUTES"))).isEqualTo("endpoint");
        assertThat(polled("https://example.com/" + "a".repeat(480), "EVERY_WEEK").endpoint()).hasSize(500);
        assertThat(field(() -> polled("https://example.com/users", null))).isEqualTo("frequency");
        assertThat(field(() -> polled("https://example.com/users", "EVERY_3_MINUTES"))).isEqualTo("frequency");
        assertThat(field(() -> polled(null, "EVERY_1_HOUR"))).isEqualTo("endpoint");
        assertThat(PollFrequency.EVERY_30_SECONDS.interval()).as("at most once a minute").isEqualTo(PollFrequency.EVERY_1_MINUTE.interval());
    }

    @Test
    void aQuotaIsAPositiveQuantityOfFourDecimalsAtMost() {
        assertThat(quota("500.1234", true).quota()).isEqualByComparingTo("500.1234");
        assertThat(quota("500", false).quotaBlocking()).isFalse();

        assertThat(field(() -> quota("0", false))).isEqualTo("quota");
        assertThat(field(() -> quota("-1", false))).isEqualTo("quota");
        assertThat(field(() -> quota("1.00001", false))).isEqualTo("quota");
        assertThat(field(() -> quota("1e20", false))).isEqualTo("quota");
        assertThat(field(() -> new MetricTerms("users", "Users", "users", Kind.GAUGE, null, null, BigDecimal.ONE, null, null,
                null, null, null, true))).as("blocking without a quota").isEqualTo("quotaBlocking");
    }

    @Test
    void aMetricTakesItsPollAndQuotaTerms() {
        Plan plan = plan();
        Metric metric = plan.addMetric(new MetricTerms("bandwidth", "Bandwidth", "GB", Kind.COUNTER, null, BigDecimal.ZERO,
                new BigDecimal("0.02"), null, null, "https://api.example.com/bw", "EVERY_1_HOUR", new BigDecimal("1000"), true));

        assertThat(metric.getAggregation()).isEqualTo(Aggregation.INCREASE);
        assertThat(metric.getEndpoint()).contains("https://api.example.com/bw");
        assertThat(metric.getFrequency()).contains("EVERY_1_HOUR");
        assertThat(metric.getQuota()).hasValueSatisfying(quota -> assertThat(quota).isEqualByComparingTo("1000"));
        assertThat(metric.isQuotaBlocking()).isTrue();
        metric.apply(new MetricTerms("bandwidth", "Bandwidth", "GB", Kind.COUNTER, null, BigDecimal.ZERO, new BigDecimal("0.02"),
                null, null));
        assertThat(metric.getEndpoint()).isEmpty();
        assertThat(metric.getQuota()).isEmpty();
        assertThat(metric.isQuotaBlocking()).isFalse();
    }

    @Test
    void aPayAsYouGoResourceNamesAMetricOfThePlanWithoutAPriceOfItsOwn() {
        Plan plan = plan();
        plan.addMetric(new MetricTerms("cpu", "vCPU", "vCPU", Kind.GAUGE, null, null, BigDecimal.ZERO, null, null));
        plan.addMetric(new MetricTerms("users", "Users", "users", Kind.GAUGE, null, null, new BigDecimal("2.00"), null, null));

        ExtraResource cpu = plan.addExtraResource(payAsYouGo("cpu", "cpu")); // one thing: the metric and the resource it measures
        assertThat(cpu.getBilling()).isEqualTo(ExtraResourceBilling.PAY_AS_YOU_GO);
        assertThat(cpu.getMetricCode()).contains("cpu");
        assertThat(cpu.isPrepaid()).isFalse();
        assertThat(cpu.pricing().metricCode()).isEqualTo("cpu");

        assertThat(field(() -> payAsYouGo("extra-cpu", null))).as("no metric").isEqualTo("metricCode");
        assertThat(field(() -> plan.addExtraResource(payAsYouGo("ram", "ram")))).as("not on the plan").isEqualTo("metricCode");
        assertThat(field(() -> plan.addExtraResource(payAsYouGo("seats", "users")))).as("priced on its own").isEqualTo("metricCode");
        assertThat(field(() -> cpu.apply(payAsYouGo("cpu", "users")))).as("on update too").isEqualTo("metricCode");
        assertThat(field(() -> plan.addExtraResource(new ExtraResourceTerms("users", "Users", "users", ExtraResourceBilling.PRE_PAID,
                PricingScheme.TIERED, TIERS)))).as("another thing of a metric's code").isEqualTo("code");
        assertThat(field(() -> plan.addExtraResource(payAsYouGo("cpu", "cpu")))).as("a second cpu").isEqualTo("code");
        assertThat(field(() -> new ExtraResourceTerms("disk", "Disk", "GB", ExtraResourceBilling.POST_PAID, "cpu", PricingScheme.TIERED,
                TIERS))).as("a chosen quantity names no metric").isEqualTo("metricCode");
        assertThat(field(() -> new ExtraResourceTerms("disk", "Disk", "GB", null, PricingScheme.TIERED, TIERS))).isEqualTo("billing");
        assertThat(field(() -> plan.removeMetric(plan.getMetrics().get(0)))).as("the metric that measures it").isEqualTo("metric");

        ExtraResource disk = plan.addExtraResource(new ExtraResourceTerms("disk", "Disk", "GB", ExtraResourceBilling.POST_PAID,
                PricingScheme.TIERED, TIERS));
        assertThat(disk.pricing().prepaid()).isFalse();
        assertThat(disk.pricing().billing().chosen()).isTrue();
    }

    private static MetricTerms metric(Kind kind, Aggregation aggregation) {
        return new MetricTerms("users", "Users", "users", kind, aggregation, null, BigDecimal.ONE, null, null);
    }

    private static MetricTerms polled(String endpoint, String frequency) {
        return new MetricTerms("users", "Users", "users", Kind.GAUGE, null, null, BigDecimal.ONE, null, null, endpoint, frequency,
                null, false);
    }

    private static MetricTerms quota(String quota, boolean blocking) {
        return new MetricTerms("users", "Users", "users", Kind.GAUGE, null, null, BigDecimal.ONE, null, null, null, null,
                new BigDecimal(quota), blocking);
    }

    private static ExtraResourceTerms payAsYouGo(String code, String metric) {
        return new ExtraResourceTerms(code, "Extra " + code, "units", ExtraResourceBilling.PAY_AS_YOU_GO, metric, PricingScheme.TIERED, TIERS);
    }

    private static Plan plan() {
        Product product = new Product(Organization.underTenant(OrganizationKind.VENDOR, "Nimbus Software", NOW), ProductKind.STANDARD,
                "nimbus-sandbox", NOW);
        product.describe(new ProductDetails("Nimbus Sandbox", "Sandboxes", null, null, List.of(), null, null, null, 0), null, NOW);
        return product.addPlan(new PlanTerms("Hourly", java.util.Currency.getInstance("EUR"), new BigDecimal("0.50"), BigDecimal.ZERO, 1,
                BillingUnit.HOURS, 24, false, false, false, EnumSet.of(PaymentMethod.CARD)), NOW);
    }

    private static String field(Runnable action) {
        return ProductWorkflowTest.field(action);
    }
}
