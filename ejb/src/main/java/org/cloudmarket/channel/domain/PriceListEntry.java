package org.cloudmarket.channel.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import org.cloudmarket.catalog.domain.Plan;
import org.cloudmarket.pricing.PriceRule;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.persistence.TenantOwned;

/** The rule of one plan component in a price list: a markup percentage or an absolute price. */
@Entity
@Table(name = "price_list_entry")
public class PriceListEntry extends TenantOwned {

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "price_list_id")
    private PriceList priceList;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "plan_id")
    private Plan plan;

    @Column(name = "plan_id", insertable = false, updatable = false)
    private Long planId;

    private String component;

    @Column(name = "markup_percent")
    private BigDecimal markupPercent;

    private BigDecimal price;

    protected PriceListEntry() {
    }

    PriceListEntry(PriceList priceList, Plan plan, String component, PriceRule rule) {
        this.priceList = priceList;
        this.plan = plan;
        this.planId = plan.getId();
        this.component = component;
        setRule(rule);
    }

    void setRule(PriceRule rule) {
        BigDecimal value = rule.price() != null ? rule.price() : rule.markupPercent();
        if (value.stripTrailingZeros().scale() > 4) {
            throw new InvalidInput(rule.price() != null ? "price" : "markupPercent", "At most 4 decimals");
        }
        this.markupPercent = rule.markupPercent();
        this.price = rule.price();
    }

    public PriceRule rule() {
        return new PriceRule(markupPercent, price);
    }

    public Plan getPlan() {
        return plan;
    }

    public Long getPlanId() {
        return planId != null ? planId : plan.getId();
    }

    public String getComponent() {
        return component;
    }
}
