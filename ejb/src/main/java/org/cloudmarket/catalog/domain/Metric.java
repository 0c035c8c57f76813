package org.cloudmarket.catalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Optional;
import org.cloudmarket.pricing.MetricPricing;
import org.cloudmarket.pricing.MetricPricing.Aggregation;
import org.cloudmarket.pricing.MetricPricing.Kind;
import org.cloudmarket.pricing.PricingScheme;
import org.cloudmarket.pricing.TierTable;
import org.cloudmarket.shared.persistence.TenantOwned;

/** A pay-per-use metric of a plan: what the vendor reports, and how it is priced. */
@Entity
@Table(name = "metric")
public class Metric extends TenantOwned {

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "plan_id")
    private Plan plan;

    private String code;

    private String name;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    @Enumerated(EnumType.STRING)
    private Aggregation aggregation;

    private String unit;

    @Column(name = "included_quantity")
    private BigDecimal includedQuantity;

    @Column(name = "unit_price")
    private BigDecimal unitPrice;

    @Enumerated(EnumType.STRING)
    private PricingScheme scheme;

    @Convert(converter = TierTableConverter.class)
    private TierTable tiers;

    /** The vendor's URL the platform polls for this metric's value (null: the vendor pushes readings). */
    private String endpoint;

    /** How often it is polled: SYNDICATION's names (EVERY_1_MINUTE ...); null when not polled. */
    private String frequency;

    /** A limit in the metric's unit per period (null: the marketplace's default for its code, if any). */
    private BigDecimal quota;

    /** Whether reaching the quota stops the subscription until the upgrade is bought. */
    @Column(name = "quota_blocking")
    private boolean quotaBlocking;

    protected Metric() {
    }

    Metric(Plan plan, MetricTerms terms) {
        this.plan = plan;
        this.code = terms.code();
        apply(terms);
    }

    /** Everything but the code, which the vendor's usage reports refer to. */
    public void apply(MetricTerms terms) {
        this.name = terms.name();
        this.kind = terms.kind();
        this.aggregation = terms.aggregation();
        this.unit = terms.unit();
        this.includedQuantity = terms.includedQuantity();
        this.unitPrice = terms.unitPrice();
        this.scheme = terms.scheme();
        this.tiers = terms.tiers();
        this.endpoint = terms.endpoint();
        this.frequency = terms.frequency();
        this.quota = terms.quota();
        this.quotaBlocking = terms.quotaBlocking();
    }

    MetricPricing pricing() {
        return new MetricPricing(code, name, unit, kind, aggregation, includedQuantity, unitPrice, scheme, tiers);
    }

    public Plan getPlan() {
        return plan;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public Kind getKind() {
        return kind;
    }

    public Aggregation getAggregation() {
        return aggregation;
    }

    public String getUnit() {
        return unit;
    }

    public BigDecimal getIncludedQuantity() {
        return includedQuantity;
    }

    public Optional<BigDecimal> getUnitPrice() {
        return Optional.ofNullable(unitPrice);
    }

    public Optional<PricingScheme> getScheme() {
        return Optional.ofNullable(scheme);
    }

    public Optional<String> getEndpoint() {
        return Optional.ofNullable(endpoint);
    }

    public Optional<String> getFrequency() {
        return Optional.ofNullable(frequency);
    }

    public Optional<BigDecimal> getQuota() {
        return Optional.ofNullable(quota);
    }

    public boolean isQuotaBlocking() {
        return quotaBlocking;
    }

    public Optional<TierTable> getTiers() {
        return Optional.ofNullable(tiers);
    }
}
