package org.cloudmarket.pricing;

import java.math.BigDecimal;
import org.cloudmarket.shared.error.InvalidInput;

/** A plan inside a bundle, with the percentage taken off its price. */
public record BundleComponent(PlanPricing plan, BigDecimal discountPercent) {

    public BundleComponent {
        if (discountPercent.signum() < 0 || discountPercent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new InvalidInput("discountPercent", "A bundle discount is between 0 and 100 percent");
        }
    }
}
