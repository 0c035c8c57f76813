package org.cloudmarket.tenancy.domain;

import java.util.Set;

/**
 * The kinds of party inside a tenant, and the channel chain they form:
 * reseller -> distributor -> tenant. A reseller may also sit directly under the tenant when the
 * distributor tier is switched off; a customer may belong to a reseller or buy directly.
 */
public enum OrganizationKind {
    VENDOR,
    DISTRIBUTOR,
    RESELLER,
    CUSTOMER;

    /** The kinds this kind may hang under; an empty set means directly under the tenant only. */
    public Set<OrganizationKind> allowedParents() {
        return switch (this) {
            case VENDOR, DISTRIBUTOR -> Set.of();
            case RESELLER -> Set.of(DISTRIBUTOR);
            case CUSTOMER -> Set.of(RESELLER);
        };
    }
}
