package org.cloudmarket.customer.domain;

import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.tenancy.domain.PartyKind;

/**
 * Who sees and does what with a customer (DOMAIN, "Parties and roles" and "Channel customers"):
 * the one place of the rule, for the API and the pages alike. Tenant staff see every customer of
 * the tenant (a SUPERVISOR manages them but does not close them); a reseller its own customers; a
 * distributor its resellers' customers without personal data; a customer itself; anyone else
 * nothing. What a caller may not see does not exist for it: "not found", never "forbidden".
 */
public final class CustomerVisibility {

    /** The caller: its role and the organization it works for (none for tenant staff). */
    public record Viewer(Role role, Long organizationId) {
    }

    /** Where a customer sits in the channel: its reseller (if any) and that reseller's distributor (if any). */
    public record Placement(long customerId, Long resellerId, Long distributorId) {
    }

    /** What a caller may do with one customer, from nothing to everything. */
    public enum Access {
        NONE,
        /** Exists for the caller, without e-mail, address, tax codes or users; a person's name withheld. */
        WITHOUT_PERSONAL_DATA,
        /** Sees everything and edits the billing details (a reseller, a supervisor). */
        MANAGE,
        /** The account as a whole: also downloads its data and closes it (the customer itself, the admin). */
        OWN;

        public boolean visible() {
            return this != NONE;
        }

        public boolean personalData() {
            return this == MANAGE || this == OWN;
        }

        public boolean mayEdit() {
            return personalData();
        }

        public boolean mayClose() {
            return this == OWN;
        }

        public boolean mayExport() {
            return this == OWN;
        }

        /** A person's name is personal data; a company's is not. Unknown kind: withheld, to be safe. */
        public boolean showsName(PartyKind kind) {
            return personalData() || (this == WITHOUT_PERSONAL_DATA && kind == PartyKind.COMPANY);
        }
    }

    /** Which customers a caller's list holds, as a query can select them. */
    public enum ScopeKind { ALL, OF_RESELLER, OF_DISTRIBUTOR, ITSELF, NOTHING }

    public record Scope(ScopeKind kind, Long organizationId) {
    }

    private CustomerVisibility() {
    }

    public static Access access(Viewer viewer, Placement customer) {
        return switch (viewer.role()) {
            case ADMIN -> Access.OWN;
            case SUPERVISOR -> Access.MANAGE;
            case RESELLER -> same(viewer.organizationId(), customer.resellerId()) ? Access.MANAGE : Access.NONE;
            case DISTRIBUTOR -> same(viewer.organizationId(), customer.distributorId()) ? Access.WITHOUT_PERSONAL_DATA : Access.NONE;
            case CUSTOMER -> same(viewer.organizationId(), customer.customerId()) ? Access.OWN : Access.NONE;
            case VENDOR, SUPER_ADMIN -> Access.NONE;
        };
    }

    /** The customers a caller's list starts from; {@link #access} still decides what each row shows. */
    public static Scope scope(Viewer viewer) {
        return switch (viewer.role()) {
            case ADMIN, SUPERVISOR -> new Scope(ScopeKind.ALL, null);
            case RESELLER -> new Scope(ScopeKind.OF_RESELLER, viewer.organizationId());
            case DISTRIBUTOR -> new Scope(ScopeKind.OF_DISTRIBUTOR, viewer.organizationId());
            case CUSTOMER -> new Scope(ScopeKind.ITSELF, viewer.organizationId());
            case VENDOR, SUPER_ADMIN -> new Scope(ScopeKind.NOTHING, null);
        };
    }

    /**
     * Who adds a customer of its own (for push orders): a reseller, under itself, or the tenant's
     * staff, under the tenant. Distributors have no customers of their own (DOMAIN, "Decisions").
     */
    public static boolean mayCreate(Viewer viewer) {
        return viewer.role() == Role.ADMIN || viewer.role() == Role.SUPERVISOR
                || (viewer.role() == Role.RESELLER && viewer.organizationId() != null);
    }

    private static boolean same(Long organizationId, Long other) {
        return organizationId != null && organizationId.equals(other);
    }
}
