package org.cloudmarket.channel.domain;

import org.cloudmarket.tenancy.domain.OrganizationKind;

/**
 * Who writes a price list and for whom: the tenant's wholesale lists for distributors, a
 * distributor's sell-in lists for its resellers, a reseller's sell-out lists for its customers.
 */
public enum PriceListLevel {
    WHOLESALE(null, OrganizationKind.DISTRIBUTOR),
    SELL_IN(OrganizationKind.DISTRIBUTOR, OrganizationKind.RESELLER),
    SELL_OUT(OrganizationKind.RESELLER, OrganizationKind.CUSTOMER);

    private final OrganizationKind owner;
    private final OrganizationKind assignee;

    PriceListLevel(OrganizationKind owner, OrganizationKind assignee) {
        this.owner = owner;
        this.assignee = assignee;
    }

    /** The kind of organization that writes lists of this level; null for the tenant itself. */
    public OrganizationKind owner() {
        return owner;
    }

    /** The kind of organization a list of this level is assigned to. */
    public OrganizationKind assignee() {
        return assignee;
    }

    /** The level an organization of this kind writes: a distributor's sell-in, a reseller's sell-out. */
    public static PriceListLevel writtenBy(OrganizationKind kind) {
        for (PriceListLevel level : values()) {
            if (level.owner == kind) {
                return level;
            }
        }
        throw new IllegalArgumentException(kind + " writes no price lists");
    }
}
