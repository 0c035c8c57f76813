package org.cloudmarket.catalog.service;

import java.util.List;
import org.cloudmarket.catalog.domain.ExtraResource;
import org.cloudmarket.pricing.ExtraResourcePricing;

public record ExtraResourceView(long id, String code, String name, String unit, boolean prepaid, String scheme,
                                List<TierView> tiers) {

    /** An extra resource as a storefront prices it: the plan's own (with its id) or the storefront's own service (id 0). */
    static ExtraResourceView of(long id, ExtraResourcePricing priced) {
        return new ExtraResourceView(id, priced.code(), priced.name(), priced.unit(), priced.prepaid(), priced.scheme().name(),
                TierView.of(priced.tiers()));
    }

    ExtraResourceView withoutPrices() {
        return new ExtraResourceView(id, code, name, unit, prepaid, scheme, null);
    }

    static ExtraResourceView of(ExtraResource resource) {
        return new ExtraResourceView(resource.getId(), resource.getCode(), resource.getName(), resource.getUnit(),
                resource.isPrepaid(), resource.getScheme().name(), TierView.of(resource.getTiers()));
    }
}
