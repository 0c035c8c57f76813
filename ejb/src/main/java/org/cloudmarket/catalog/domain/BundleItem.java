package org.cloudmarket.catalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import org.cloudmarket.pricing.BundleComponent;
import org.cloudmarket.shared.persistence.TenantOwned;

/** One plan of another product inside a bundle's plan, with the percentage taken off its price. */
@Entity
@Table(name = "bundle_item")
public class BundleItem extends TenantOwned {

    /** A plan to put in a bundle and its discount, before it is stored. */
    public record Component(Plan plan, BigDecimal discountPercent) {
    }

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "bundle_plan_id")
    private Plan bundlePlan;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "component_plan_id")
    private Plan componentPlan;

    @Column(name = "discount_percent")
    private BigDecimal discountPercent;

    protected BundleItem() {
    }

    BundleItem(Plan bundlePlan, Plan componentPlan, BigDecimal discountPercent) {
        this.bundlePlan = bundlePlan;
        this.componentPlan = componentPlan;
        this.discountPercent = discountPercent;
    }

    public BundleComponent pricing() {
        return new BundleComponent(componentPlan.pricing(), discountPercent);
    }

    public Plan getComponentPlan() {
        return componentPlan;
    }

    public BigDecimal getDiscountPercent() {
        return discountPercent;
    }
}
