package org.cloudmarket.channel.service;

import java.math.BigDecimal;
import java.util.List;
import org.cloudmarket.channel.domain.ResellerService;
import org.cloudmarket.pricing.ExtraResourcePricing;

/** A reseller's value-added service as its reseller sees it. */
public record ResellerServiceView(long id, long planId, String productName, String planName, String code, String name, String unit,
                                  String billing, boolean prepaid, String scheme, List<Tier> tiers) {

    /** One band of its tiers. */
    public record Tier(long from, Long to, BigDecimal price) {
    }

    static ResellerServiceView of(ResellerService service) {
        ExtraResourcePricing pricing = service.pricing();
        return new ResellerServiceView(service.getId(), service.getPlan().getId(), service.getPlan().getProduct().getName(),
                service.getPlan().getName(), pricing.code(), pricing.name(), pricing.unit(), pricing.billing().name(),
                pricing.prepaid(), pricing.scheme().name(),
                pricing.tiers().tiers().stream().map(tier -> new Tier(tier.from(), tier.to(), tier.price())).toList());
    }
}
