package org.cloudmarket.catalog.service;

import java.math.BigDecimal;
import org.cloudmarket.catalog.domain.BundleItem;

public record BundleItemView(long planId, long productId, String productName, String planName, BigDecimal discountPercent) {

    static BundleItemView of(BundleItem item) {
        return new BundleItemView(item.getComponentPlan().getId(), item.getComponentPlan().getProduct().getId(),
                item.getComponentPlan().getProduct().getName(), item.getComponentPlan().getName(), item.getDiscountPercent());
    }
}
