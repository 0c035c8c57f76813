package org.cloudmarket.channel.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.cloudmarket.catalog.domain.ExtraResourceTerms;
import org.cloudmarket.catalog.domain.Plan;
import org.cloudmarket.catalog.domain.TierTableConverter;
import org.cloudmarket.pricing.ExtraResourceBilling;
import org.cloudmarket.pricing.ExtraResourcePricing;
import org.cloudmarket.pricing.PricingScheme;
import org.cloudmarket.pricing.TierTable;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.persistence.TenantOwned;
import org.cloudmarket.tenancy.domain.Organization;
import org.cloudmarket.tenancy.domain.OrganizationKind;

/**
 * A reseller's value-added service on a plan it resells (installation, support hours): an extra
 * resource of its own, at its own tiers, sold on its storefront only.
 */
@Entity
@Table(name = "reseller_service")
@NamedQuery(name = ResellerService.OF_RESELLER,
        query = "SELECT s FROM ResellerService s WHERE s.resellerId = :reseller ORDER BY s.planId, s.code")
public class ResellerService extends TenantOwned {

    public static final String OF_RESELLER = "ResellerService.ofReseller";

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "reseller_id")
    private Organization reseller;

    @Column(name = "reseller_id", insertable = false, updatable = false)
    private Long resellerId;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "plan_id")
    private Plan plan;

    @Column(name = "plan_id", insertable = false, updatable = false)
    private Long planId;

    private String code;

    private String name;

    private String unit;

    @Enumerated(EnumType.STRING)
    private ExtraResourceBilling billing;

    @Enumerated(EnumType.STRING)
    private PricingScheme scheme;

    @Convert(converter = TierTableConverter.class)
    private TierTable tiers;

    protected ResellerService() {
    }

    public ResellerService(Organization reseller, Plan plan, ExtraResourceTerms terms) {
        if (reseller.getKind() != OrganizationKind.RESELLER) {
            throw new InvalidInput("reseller", "Only resellers add services of their own");
        }
        if (plan.getExtraResources().stream().anyMatch(resource -> resource.getCode().equals(terms.code()))) {
            throw new InvalidInput("code", plan.getName() + " already has an extra resource " + terms.code());
        }
        this.reseller = reseller;
        this.plan = plan;
        this.code = terms.code();
        this.name = terms.name();
        this.unit = terms.unit();
        if (terms.billing() == ExtraResourceBilling.PAY_AS_YOU_GO) { // a reseller reports no usage: its service is bought
            throw new InvalidInput("billing", "A reseller's service is PRE_PAID or POST_PAID: only the vendor's metrics measure usage");
        }
        this.billing = terms.billing();
        this.scheme = terms.scheme();
        this.tiers = terms.tiers();
    }

    public ExtraResourcePricing pricing() {
        return new ExtraResourcePricing(code, name, unit, scheme, tiers, billing);
    }

    public Organization getReseller() {
        return reseller;
    }

    public Plan getPlan() {
        return plan;
    }

    public Long getPlanId() {
        return plan.getId();
    }

    public String getCode() {
        return code;
    }
}
