package org.cloudmarket.ordering.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.cloudmarket.shared.persistence.TenantOwned;

/**
 * A customer's trial of a product (DOMAIN.md: one trial per product per customer, ever). The
 * unique key (tenant, customer, product) decides between parallel trial orders: the second insert
 * fails, whatever the timing.
 */
@Entity
@Table(name = "trial_use")
public class TrialUse extends TenantOwned {

    @Column(name = "customer_id")
    private Long customerId;

    @Column(name = "product_id")
    private Long productId;

    @Column(name = "order_id")
    private Long orderId;

    @Column(name = "used_at")
    private Instant usedAt;

    protected TrialUse() {
    }

    public TrialUse(long customerId, long productId, long orderId, Instant usedAt) {
        this.customerId = customerId;
        this.productId = productId;
        this.orderId = orderId;
        this.usedAt = usedAt;
    }

    public long getCustomerId() {
        return customerId;
    }

    public long getProductId() {
        return productId;
    }

    public long getOrderId() {
        return orderId;
    }
}
