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
import org.cloudmarket.pricing.ExtraResourceBilling;
import org.cloudmarket.pricing.ExtraResourcePricing;
import org.cloudmarket.pricing.PricingScheme;
import org.cloudmarket.pricing.TierTable;
import org.cloudmarket.shared.persistence.TenantOwned;

/** Something a buyer adds to a plan by the unit (storage, seats), priced by tiers, billed as its {@link ExtraResourceBilling} says. */
@Entity
@Table(name = "extra_resource")
public class ExtraResource extends TenantOwned {

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "plan_id")
    private Plan plan;

    private String code;

    private String name;

    private String unit;

    @Enumerated(EnumType.STRING)
    private ExtraResourceBilling billing;

    /** The plan's metric that measures a pay-as-you-go resource's quantity (null otherwise). */
    @Column(name = "metric_code")
    private String metricCode;

    @Enumerated(EnumType.STRING)
    private PricingScheme scheme;

    @Convert(converter = TierTableConverter.class)
    private TierTable tiers;

    /** The platform fee on its lines where it is not the marketplace's (DOMAIN): the tenant's ADMIN sets it, never the vendor. */
    @Column(name = "platform_fee_percent")
    private BigDecimal platformFeePercent;

    protected ExtraResource() {
    }

    ExtraResource(Plan plan, ExtraResourceTerms terms) {
        this.plan = plan;
        this.code = terms.code();
        apply(terms);
    }

    /** Everything but the code, which buyers' orders refer to. */
    public void apply(ExtraResourceTerms terms) {
        plan.requireMeasures(terms);
        this.name = terms.name();
        this.unit = terms.unit();
        this.billing = terms.billing();
        this.metricCode = terms.metricCode();
        this.scheme = terms.scheme();
        this.tiers = terms.tiers();
    }

    public ExtraResourcePricing pricing() {
        return new ExtraResourcePricing(code, name, unit, scheme, tiers, billing, metricCode);
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

    public String getUnit() {
        return unit;
    }

    public ExtraResourceBilling getBilling() {
        return billing;
    }

    /** Billed with the license at the start of each period. */
    public boolean isPrepaid() {
        return billing == ExtraResourceBilling.PRE_PAID;
    }

    public Optional<String> getMetricCode() {
        return Optional.ofNullable(metricCode);
    }

    public PricingScheme getScheme() {
        return scheme;
    }

    public TierTable getTiers() {
        return tiers;
    }

    public Optional<BigDecimal> getPlatformFeePercent() {
        return Optional.ofNullable(platformFeePercent);
    }

    public void setPlatformFeePercent(BigDecimal platformFeePercent) {
        this.platformFeePercent = platformFeePercent;
    }
}
