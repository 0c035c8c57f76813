package org.cloudmarket.ordering.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.cloudmarket.shared.persistence.TenantOwned;

/** One use of a coupon by an order; the coupon's own guarded counters decide whether it may be used. */
@Entity
@Table(name = "coupon_redemption")
public class CouponRedemption extends TenantOwned {

    @Column(name = "coupon_id")
    private Long couponId;

    @Column(name = "order_id")
    private Long orderId;

    @Column(name = "customer_id")
    private Long customerId;

    @Column(name = "redeemed_at")
    private Instant redeemedAt;

    protected CouponRedemption() {
    }

    public CouponRedemption(long couponId, long orderId, Long customerId, Instant redeemedAt) {
        this.couponId = couponId;
        this.orderId = orderId;
        this.customerId = customerId;
        this.redeemedAt = redeemedAt;
    }

    public long getCouponId() {
        return couponId;
    }

    public long getOrderId() {
        return orderId;
    }
}
