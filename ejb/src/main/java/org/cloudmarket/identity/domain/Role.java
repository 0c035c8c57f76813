package org.cloudmarket.identity.domain;

import java.util.Optional;
import org.cloudmarket.tenancy.domain.OrganizationKind;

/**
 * The seven roles. The rank orders authority for impersonation, which only goes downwards:
 * an ADMIN may act as a SUPERVISOR or any party user, a SUPERVISOR as party users only.
 */
public enum Role {
    SUPER_ADMIN(0, null),
    ADMIN(1, null),
    SUPERVISOR(2, null),
    VENDOR(3, OrganizationKind.VENDOR),
    DISTRIBUTOR(3, OrganizationKind.DISTRIBUTOR),
    RESELLER(3, OrganizationKind.RESELLER),
    CUSTOMER(3, OrganizationKind.CUSTOMER);

    /** Role names as compile-time constants, for {@code @RolesAllowed}. */
    public static final class Names {
        public static final String SUPER_ADMIN = "SUPER_ADMIN";
        public static final String ADMIN = "ADMIN";
        public static final String SUPERVISOR = "SUPERVISOR";
        public static final String VENDOR = "VENDOR";
        public static final String DISTRIBUTOR = "DISTRIBUTOR";
        public static final String RESELLER = "RESELLER";
        public static final String CUSTOMER = "CUSTOMER";

        private Names() {
        }
    }

    private final int rank;
    private final OrganizationKind organizationKind;

    Role(int rank, OrganizationKind organizationKind) {
        this.rank = rank;
        this.organizationKind = organizationKind;
    }

    /** The kind of organization a user of this role belongs to; empty for the tenant's own staff. */
    public Optional<OrganizationKind> organizationKind() {
        return Optional.ofNullable(organizationKind);
    }

    public boolean mayImpersonate(Role target) {
        return isTenantStaff() && target.rank > rank;
    }

    /**
     * The tenant's own staff: they manage its users, read its audit log and may act as users below
     * them. The platform's SUPER_ADMIN acts across tenants: that is a separate, future service.
     */
    public boolean isTenantStaff() {
        return this == ADMIN || this == SUPERVISOR;
    }

    /**
     * SUPER_ADMIN is the platform operator's role and holds only for users of the platform's own
     * tenant (DOMAIN.md, Parties and roles): on a user of any other tenant it grants nothing.
     */
    public boolean holdsIn(boolean platformTenant) {
        return this != SUPER_ADMIN || platformTenant;
    }

    /**
     * Whether a user of this role signs in on a reseller's custom domain, a host whose DNS and
     * certificate someone else controls. Customers do, to buy there; everyone who runs part of the
     * marketplace (staff, vendors, distributors, resellers) signs in on the tenant's own
     * sub-domains only, so their credentials and tokens are never sent to such a host.
     */
    public boolean signsInOnCustomDomains() {
        return this == CUSTOMER;
    }
}
