package org.cloudmarket.catalog.service;

import java.util.List;
import org.cloudmarket.catalog.domain.ExtraResource;

public record ExtraResourceView(long id, String code, String name, String unit, boolean prepaid, String scheme,
                                List<TierView> tiers) {

    static ExtraResourceView of(ExtraResource resource) {
        return new ExtraResourceView(resource.getId(), resource.getCode(), resource.getName(), resource.getUnit(),
                resource.isPrepaid(), resource.getScheme().name(), TierView.of(resource.getTiers()));
    }
}
