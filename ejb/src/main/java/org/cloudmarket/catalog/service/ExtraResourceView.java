package org.cloudmarket.catalog.service;

import java.util.List;
import org.cloudmarket.catalog.domain.ExtraResource;
import org.cloudmarket.pricing.ExtraResourcePricing;
import org.cloudmarket.pricing.PlanPricing;

public record ExtraResourceView(long id, String code, String name, String unit, boolean prepaid, String scheme,
                                List<TierView> tiers) {

    static ExtraResourceView of(ExtraResource resource, PlanPricing at) {
        ExtraResourcePricing priced = at.extraResources().stream().filter(r -> r.code().equals(resource.getCode())).findFirst()
                .orElseThrow();
        return new ExtraResourceView(resource.getId(), resource.getCode(), resource.getName(), resource.getUnit(),
                resource.isPrepaid(), resource.getScheme().name(), TierView.of(priced.tiers()));
    }

    ExtraResourceView withoutPrices() {
        return new ExtraResourceView(id, code, name, unit, prepaid, scheme, null);
    }

    static ExtraResourceView of(ExtraResource resource) {
        return new ExtraResourceView(resource.getId(), resource.getCode(), resource.getName(), resource.getUnit(),
                resource.isPrepaid(), resource.getScheme().name(), TierView.of(resource.getTiers()));
    }
}
