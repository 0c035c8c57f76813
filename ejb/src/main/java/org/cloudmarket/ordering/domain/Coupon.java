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

/**
 * A coupon code of the marketplace (DOMAIN.md, Coupons), scoped to a product or a plan. Its price
 * effect is the pricing engine's {@link org.cloudmarket.pricing.Coupon}; redemption (one-time
 * use, trial budget, target e-mail) belongs to ordering.
 */
@Entity
@Table(name = "coupon")
@NamedQuery(name = Coupon.BY_CODE, query = "SELECT c FROM Coupon c WHERE c.code = :code")
public class Coupon extends TenantOwned {

    public static final String BY_CODE = "Coupon.byCode";

    /** What the coupon does. */
    public enum Effect { PERCENT_OFF, AMOUNT_OFF, PRICE_OVERRIDE, EXTENDED_TRIAL }

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

    protected Coupon() {
    }

    private Coupon(String code, Product product, Plan plan, Effect effect, Instant validFrom, Instant validUntil) {
        if (code == null || !code.matches("[A-Z0-9-]{3,40}")) {
            throw new InvalidInput("code", "A coupon code is 3 to 40 upper-case letters, digits or dashes");
        }
        if (!validUntil.isAfter(validFrom)) {
            throw new InvalidInput("validUntil", "A coupon is valid until after it starts");
        }
        this.code = code;
        this.product = product;
        this.plan = plan;
        this.effect = effect;
        this.validFrom = validFrom;
        this.validUntil = validUntil;
        this.reusable = true;
    }

    public static Coupon percentOff(String code, Product product, BigDecimal percent, DiscountDestination destination,
                                    Instant validFrom, Instant validUntil) {
        Coupon coupon = new Coupon(code, product, null, Effect.PERCENT_OFF, validFrom, validUntil);
        coupon.percentOff = percent;
        coupon.destination = destination;
        coupon.pricing();
        return coupon;
    }

    public static Coupon priceOverride(String code, Plan plan, Money license, Instant validFrom, Instant validUntil) {
        Coupon coupon = new Coupon(code, plan.getProduct(), plan, Effect.PRICE_OVERRIDE, validFrom, validUntil);
        coupon.amount = license.amount();
        coupon.currency = license.currency().getCurrencyCode();
        return coupon;
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

    public String getCode() {
        return code;
    }
}
