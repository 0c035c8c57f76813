package org.cloudmarket.ordering.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.Optional;
import org.cloudmarket.catalog.domain.Plan;
import org.cloudmarket.catalog.domain.Product;
import org.cloudmarket.pricing.Coupon.AmountOff;
import org.cloudmarket.pricing.Coupon.DiscountDestination;
import org.cloudmarket.pricing.Coupon.ExtendedTrial;
import org.cloudmarket.pricing.Coupon.PercentOff;
import org.cloudmarket.pricing.Coupon.PriceOverride;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.money.Money;
import org.cloudmarket.shared.persistence.TenantOwned;
import org.cloudmarket.tenancy.domain.Organization;
import org.cloudmarket.tenancy.domain.OrganizationKind;

/**
 * A coupon code of the marketplace (DOMAIN.md, Coupons), scoped to a product or a plan. Its price
 * effect is the pricing engine's {@link org.cloudmarket.pricing.Coupon}; redemption (one-time
 * use, trial budget, target e-mail) belongs to ordering.
 */
@Entity
@Table(name = "coupon")
@NamedQuery(name = Coupon.BY_CODE, query = "SELECT c FROM Coupon c WHERE c.code = :code")
@NamedQuery(name = Coupon.OF_OWNER, query = "SELECT c FROM Coupon c WHERE c.ownerId = :owner ORDER BY c.code")
@NamedQuery(name = Coupon.OF_TENANT, query = "SELECT c FROM Coupon c WHERE c.ownerId IS NULL ORDER BY c.code")
public class Coupon extends TenantOwned {

    public static final String BY_CODE = "Coupon.byCode";
    public static final String OF_OWNER = "Coupon.ofOwner";
    public static final String OF_TENANT = "Coupon.ofTenant";

    /** What the coupon does. */
    public enum Effect { PERCENT_OFF, AMOUNT_OFF, PRICE_OVERRIDE, EXTENDED_TRIAL }

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "owner_id")
    private Organization owner;

    @Column(name = "owner_id", insertable = false, updatable = false)
    private Long ownerId;

    private String code;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "product_id")
    private Product product;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "plan_id")
    private Plan plan;

    @Enumerated(EnumType.STRING)
    private Effect effect;

    @Column(name = "percent_off")
    private BigDecimal percentOff;

    private BigDecimal amount;

    private String currency;

    @Enumerated(EnumType.STRING)
    private DiscountDestination destination;

    @Column(name = "trial_days")
    private Integer trialDays;

    @Column(name = "valid_from")
    private Instant validFrom;

    @Column(name = "valid_until")
    private Instant validUntil;

    private boolean reusable;

    @Column(name = "target_email")
    private String targetEmail;

    /** How many orders used it: a one-time coupon only while 0, raised by one guarded UPDATE (Coupon.REDEEM). */
    private int uses;

    /** An extended trial's budget (plafond): uses left, lowered by the same guarded UPDATE; null is no limit. */
    @Column(name = "trial_budget")
    private Integer trialBudget;

    protected Coupon() {
    }

    /**
     * A coupon of an issuer (null: the tenant; a vendor for its own products; a reseller for its
     * storefront), scoped to a plan, a product, or (the tenant's and a reseller's only) everything.
     */
    public static Coupon issue(Organization owner, Product product, Plan plan, CouponTerms terms) {
        if (owner != null && owner.getKind() == OrganizationKind.VENDOR
                && (product == null || !product.getVendor().getId().equals(owner.getId()))) {
            throw new InvalidInput("productId", "A vendor's coupon is for one of its own products");
        }
        if (owner != null && owner.getKind() != OrganizationKind.VENDOR && owner.getKind() != OrganizationKind.RESELLER) {
            throw new InvalidInput("owner", "Coupons are issued by the marketplace, its vendors and its resellers");
        }
        if (plan != null && product != null && !plan.getProduct().getId().equals(product.getId())) {
            throw new InvalidInput("planId", "The plan is not one of the product's");
        }
        Coupon coupon = new Coupon();
        coupon.owner = owner;
        coupon.code = terms.code();
        coupon.product = plan != null ? plan.getProduct() : product;
        coupon.plan = plan;
        coupon.effect = terms.effect();
        coupon.percentOff = terms.percentOff();
        coupon.amount = terms.amount() == null ? null : terms.amount().amount();
        coupon.currency = terms.amount() == null ? null : terms.amount().currency().getCurrencyCode();
        coupon.destination = terms.destination();
        coupon.trialDays = terms.trialDays();
        coupon.validFrom = terms.validFrom();
        coupon.validUntil = terms.validUntil();
        coupon.reusable = terms.reusable();
        coupon.targetEmail = terms.targetEmail();
        coupon.trialBudget = terms.trialBudget();
        return coupon;
    }

    public static Coupon percentOff(String code, Product product, BigDecimal percent, DiscountDestination destination,
                                    Instant validFrom, Instant validUntil) {
        return issue(null, product, null, new CouponTerms(code, Effect.PERCENT_OFF, percent, null, destination, null, validFrom,
                validUntil, true, null));
    }

    public static Coupon priceOverride(String code, Plan plan, Money license, Instant validFrom, Instant validUntil) {
        return issue(null, null, plan, new CouponTerms(code, Effect.PRICE_OVERRIDE, null, license, null, null, validFrom,
                validUntil, true, null));
    }

    /** Where the coupon may be redeemed: a reseller's on its storefront; the others on the tenant's. */
    public boolean validOn(Long storefrontOwnerId) {
        if (owner != null && owner.getKind() == OrganizationKind.RESELLER) {
            return owner.getId().equals(storefrontOwnerId);
        }
        return storefrontOwnerId == null;
    }

    /** The target's account was closed: the coupon names its placeholder address, so it stays no one else's. */
    public void retarget(String closedAddress) {
        if (targetEmail != null) {
            targetEmail = closedAddress;
        }
    }

    public Optional<Organization> getOwner() {
        return Optional.ofNullable(owner);
    }

    public Effect getEffect() {
        return effect;
    }

    public Optional<Product> getProduct() {
        return Optional.ofNullable(product);
    }

    public Optional<Plan> getPlan() {
        return Optional.ofNullable(plan);
    }

    public Instant getValidFrom() {
        return validFrom;
    }

    public Instant getValidUntil() {
        return validUntil;
    }

    public boolean isReusable() {
        return reusable;
    }

    /** Whether the coupon may be used on this plan: its scope is the plan, or the plan's product. */
    public boolean appliesTo(Plan candidate) {
        if (plan != null) {
            return plan.getId().equals(candidate.getId());
        }
        return product == null || product.getId().equals(candidate.getProduct().getId());
    }

    /** The coupon as the pricing engine applies it. */
    public org.cloudmarket.pricing.Coupon pricing() {
        org.cloudmarket.pricing.Coupon.Effect priced = switch (effect) {
            case PERCENT_OFF -> new PercentOff(percentOff, destination);
            case AMOUNT_OFF -> new AmountOff(new Money(amount, Currency.getInstance(currency)), destination);
            case PRICE_OVERRIDE -> new PriceOverride(new Money(amount, Currency.getInstance(currency)));
            case EXTENDED_TRIAL -> new ExtendedTrial(trialDays);
        };
        return new org.cloudmarket.pricing.Coupon(code, validFrom, validUntil, priced);
    }

    public int getUses() {
        return uses;
    }

    public Optional<Integer> getTrialBudget() {
        return Optional.ofNullable(trialBudget);
    }

    public Optional<String> getTargetEmail() {
        return Optional.ofNullable(targetEmail);
    }

    public String getCode() {
        return code;
    }
}
