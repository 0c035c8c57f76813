package org.cloudmarket.ordering.service;

import java.time.Instant;
import org.cloudmarket.ordering.domain.Coupon;

/** A coupon as its issuer sees it. */
public record CouponView(long id, String code, String effect, String scope, String description, Instant validFrom,
                         Instant validUntil, boolean reusable, Integer trialBudget, int uses) {

    static CouponView of(Coupon coupon) {
        String scope = coupon.getPlan().map(plan -> plan.getProduct().getName() + " " + plan.getName())
                .or(() -> coupon.getProduct().map(product -> product.getName())).orElse("everything");
        return new CouponView(coupon.getId(), coupon.getCode(), coupon.getEffect().name(), scope,
                coupon.pricing().effect().toString(), coupon.getValidFrom(), coupon.getValidUntil(), coupon.isReusable(),
                coupon.getTrialBudget().orElse(null), coupon.getUses());
    }
}
