package org.cloudmarket.catalog.service;

import java.math.BigDecimal;
import java.util.List;
import org.cloudmarket.catalog.domain.ExtraResource;
import org.cloudmarket.pricing.ExtraResourceBilling;
import org.cloudmarket.pricing.ExtraResourcePricing;

/**
 * An extra resource as shown: {@code prepaid} is derived from {@code billing} (PRE_PAID), kept for older clients;
 * {@code platformFeePercent}, its own platform fee set by the tenant's ADMIN (PlatformFees), only in the vendor's and
 * staff's view, and null there when the marketplace's applies.
 */
public record ExtraResourceView(long id, String code, String name, String unit, String billing, boolean prepaid, String metricCode,
                                String scheme, List<TierView> tiers, BigDecimal platformFeePercent) {

    /** An extra resource as a storefront prices it: the plan's own (with its id) or the storefront's own service (id 0). */
    static ExtraResourceView of(long id, ExtraResourcePricing priced) {
        return new ExtraResourceView(id, priced.code(), priced.name(), priced.unit(), priced.billing().name(), priced.prepaid(),
                priced.metricCode(), priced.scheme().name(), TierView.of(priced.tiers()), null);
    }

    /** Whether the buyer chooses its quantity (PRE_PAID, POST_PAID); a PAY_AS_YOU_GO one is measured by its metric. */
    public boolean chosen() {
        return ExtraResourceBilling.valueOf(billing).chosen();
    }

    ExtraResourceView withoutPrices() {
        return new ExtraResourceView(id, code, name, unit, billing, prepaid, metricCode, scheme, null, null);
    }

    static ExtraResourceView of(ExtraResource resource) {
        ExtraResourceView priced = of(resource.getId(), resource.pricing());
        return new ExtraResourceView(priced.id, priced.code, priced.name, priced.unit, priced.billing, priced.prepaid, priced.metricCode,
                priced.scheme, priced.tiers, resource.getPlatformFeePercent().orElse(null));
    }
}
