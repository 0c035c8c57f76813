package org.cloudmarket.billing.domain;

import java.math.BigDecimal;
import java.util.Map;
import org.cloudmarket.pricing.PriceChain;

/**
 * The platform fee of each line of a plan (DOMAIN, Decisions: Platform fee): the marketplace's percentage, or an extra
 * resource's own where the tenant's ADMIN set one (catalog's PlatformFees). Every proceed, the first period's, a run's,
 * a renewal's, prepaid or postpaid, takes its percentage from here.
 *
 * @param marketplace the marketplace's {@code billing.platformFee}
 * @param byExtraResource the plan's extra resources' own percentages, by code
 */
public record FeePercents(BigDecimal marketplace, Map<String, BigDecimal> byExtraResource) {

    private static final String EXTRA_RESOURCE = PriceChain.extraResource("");

    public FeePercents {
        byExtraResource = Map.copyOf(byExtraResource);
    }

    /** The marketplace's percentage on every line. */
    public static FeePercents flat(BigDecimal marketplace) {
        return new FeePercents(marketplace, Map.of());
    }

    /** The percentage of a line of that component (an extra resource's is {@code PriceChain.extraResource(code)}). */
    public BigDecimal of(String component) {
        return component.startsWith(EXTRA_RESOURCE)
                ? byExtraResource.getOrDefault(component.substring(EXTRA_RESOURCE.length()), marketplace) : marketplace;
    }
}
