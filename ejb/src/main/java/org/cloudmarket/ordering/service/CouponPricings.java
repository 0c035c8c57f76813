package org.cloudmarket.ordering.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import org.cloudmarket.billing.service.SubscriptionCoupons;
import org.cloudmarket.ordering.domain.Coupon;

/** Billing's view of a subscription's coupon (SubscriptionCoupons): the coupon row, priced as an order prices it. */
@Dependent
class CouponPricings implements SubscriptionCoupons {

    @Inject
    private EntityManager entityManager;

    @Override
    public Optional<org.cloudmarket.pricing.Coupon> pricing(long couponId) {
        return Optional.ofNullable(entityManager.find(Coupon.class, couponId)).map(Coupon::pricing);
    }
}
