package org.cloudmarket.demo;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.Optional;
import org.cloudmarket.catalog.domain.ExtraResource;
import org.cloudmarket.catalog.domain.ExtraResourceTerms;
import org.cloudmarket.catalog.domain.MetricTerms;
import org.cloudmarket.catalog.domain.Plan;
import org.cloudmarket.catalog.domain.Product;
import org.cloudmarket.catalog.domain.Slugs;
import org.cloudmarket.pricing.ExtraResourceBilling;
import org.cloudmarket.pricing.MetricPricing.Aggregation;
import org.cloudmarket.pricing.MetricPricing.Kind;
import org.cloudmarket.pricing.PricingScheme;
import org.cloudmarket.pricing.Tier;
import org.cloudmarket.pricing.TierTable;

/**
 * What metering (issue 12) needs of the demo catalog, added at every start where it is missing, so a
 * database seeded before it gets it too: the Sandbox's Extra vCPU is PAY_AS_YOU_GO, measured by a gauge
 * "cpu" of a zero price of its own (the resource's tiers price it); the Backup's Tiered storage plan has a
 * blocking quota of bandwidth, its Volume storage plan a warning-only one. Runs as the tenant.
 */
@Dependent
@Transactional
class DemoMetering {

    static final String CPU = "cpu";
    static final String BANDWIDTH = "bandwidth";
    /** The bandwidth quotas per month: at 90 % the customer is warned; the blocking one stops it at 100 %. */
    static final BigDecimal BLOCKING_QUOTA = new BigDecimal("1000");
    static final BigDecimal WARNING_QUOTA = new BigDecimal("2000");

    @Inject
    private EntityManager entityManager;

    /** True when anything was added. */
    public boolean populate(DemoCatalog.Names names) {
        boolean added = false;
        Optional<Plan> hourly = plan(names.brandA() + " Sandbox", "Hourly");
        if (hourly.isPresent()) {
            added = meterCpu(hourly.get());
        }
        Optional<Plan> tiered = plan(names.brandA() + " Backup", "Tiered storage");
        if (tiered.isPresent()) {
            added |= bandwidth(tiered.get(), BLOCKING_QUOTA, true);
        }
        Optional<Plan> volume = plan(names.brandA() + " Backup", "Volume storage");
        if (volume.isPresent()) {
            added |= bandwidth(volume.get(), WARNING_QUOTA, false);
        }
        return added;
    }

    private boolean meterCpu(Plan plan) {
        boolean added = false;
        if (plan.getMetrics().stream().noneMatch(metric -> metric.getCode().equals(CPU))) {
            plan.addMetric(new MetricTerms(CPU, "vCPU in use", "vCPU", Kind.GAUGE, Aggregation.AVERAGE, BigDecimal.ZERO,
                    BigDecimal.ZERO, null, null));
            added = true;
        }
        ExtraResourceTerms payAsYouGo = new ExtraResourceTerms(CPU, "Extra vCPU", "vCPU", ExtraResourceBilling.PAY_AS_YOU_GO, CPU,
                PricingScheme.TIERED, TierTable.of(Tier.from(1, "0.04")));
        Optional<ExtraResource> cpu = plan.getExtraResources().stream().filter(resource -> resource.getCode().equals(CPU)).findFirst();
        if (cpu.isEmpty()) {
            plan.addExtraResource(payAsYouGo);
            return true;
        }
        if (cpu.get().getBilling() != ExtraResourceBilling.PAY_AS_YOU_GO || cpu.get().getMetricCode().isEmpty()) {
            cpu.get().apply(payAsYouGo); // a database seeded before: the migration made it pay-as-you-go without its metric
            added = true;
        }
        return added;
    }

    private static boolean bandwidth(Plan plan, BigDecimal quota, boolean blocking) {
        if (plan.getMetrics().stream().anyMatch(metric -> metric.getCode().equals(BANDWIDTH))) {
            return false;
        }
        plan.addMetric(new MetricTerms(BANDWIDTH, "Restore bandwidth", "GB", Kind.COUNTER, Aggregation.INCREASE, new BigDecimal("100"),
                new BigDecimal("0.02"), null, null).withQuota(quota, blocking));
        return true;
    }

    private Optional<Plan> plan(String productName, String planName) {
        return entityManager.createQuery("SELECT p FROM Product p WHERE p.slug = :slug", Product.class)
                .setParameter("slug", Slugs.of(productName)).getResultStream().findFirst()
                .flatMap(product -> product.getPlans().stream().filter(plan -> plan.getName().equals(planName)).findFirst());
    }
}
