package org.cloudmarket.billing.service;

import java.util.Optional;
import org.cloudmarket.pricing.Coupon;

/**
 * A subscription's storefront coupon as the pricing engine applies it, for the periods a billing run prices. Coupons
 * are ordering's (which builds on billing), so ordering implements this and billing never names ordering.
 */
public interface SubscriptionCoupons {

    Optional<Coupon> pricing(long couponId);
}
