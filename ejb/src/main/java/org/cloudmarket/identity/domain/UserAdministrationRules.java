package org.cloudmarket.identity.domain;

import java.util.Optional;
import org.cloudmarket.shared.error.Forbidden;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.error.NotFound;
import org.cloudmarket.tenancy.domain.BillingDetails;
import org.cloudmarket.tenancy.domain.Organization;
import org.cloudmarket.tenancy.domain.OrganizationKind;
import org.cloudmarket.tenancy.domain.PartyKind;

/**
 * Who may read, invite and change which users (DOMAIN.md, Parties and roles): the one place the
 * users API, the back-office and the customer's colleagues page ask. Pure: values in, a verdict out.
 * <ul>
 *   <li>ADMIN manages the tenant's users of every role but SUPER_ADMIN, never disabling or demoting itself.</li>
 *   <li>SUPERVISOR reads every user and changes none.</li>
 *   <li>A RESELLER manages its colleagues and its own customers' users; another seller's are "not found".</li>
 *   <li>VENDOR and DISTRIBUTOR users manage their colleagues; a COMPANY customer its colleagues too.</li>
 * </ul>
 * Nobody disables themselves or changes their own role: that is how a marketplace locks itself out.
 */
public final class UserAdministrationRules {

    /**
     * Where a user belongs: its organization (null for the tenant's staff) with the seller a customer
     * buys from and whether a customer is a person or a company.
     */
    public record Party(Long organizationId, OrganizationKind kind, Long sellerId, PartyKind partyKind) {

        public static final Party STAFF = new Party(null, null, null, null);

        /** The organization's party; null is the tenant's staff. */
        public static Party of(Organization organization) {
            if (organization == null) {
                return STAFF;
            }
            return new Party(organization.getId(), organization.getKind(),
                    organization.getParent().map(Organization::getId).orElse(null),
                    organization.getBillingDetails().map(BillingDetails::getKind).orElse(null));
        }

        boolean isStaff() {
            return organizationId == null;
        }

        Optional<OrganizationKind> kindIfAny() {
            return Optional.ofNullable(kind);
        }
    }

    /** A user as the rules see it. */
    public record Member(long userId, Role role, Party party) {

        public static Member of(User user) {
            return new Member(user.getId(), user.getRole(), Party.of(user.getOrganization().orElse(null)));
        }
    }

    private UserAdministrationRules() {
    }

    /** Whether the actor may see the users of this party at all (else: "not found"). */
    public static boolean sees(Member actor, Party party) {
        if (actor.role().isTenantStaff() || actor.role() == Role.SUPER_ADMIN) {
            return true;
        }
        return ownParty(actor, party) || ownCustomer(actor, party);
    }

    /** Whether the actor may see this user. */
    public static boolean sees(Member actor, Member target) {
        return actor.userId() == target.userId() || sees(actor, target.party());
    }

    /** Whether the actor may list users at all: everyone but a person customer, who has no colleagues. */
    public static boolean listsUsers(Member actor) {
        return actor.role() != Role.CUSTOMER || actor.party().partyKind() == PartyKind.COMPANY;
    }

    /** Refuses an invitation of a new user with this role into this party. */
    public static void checkInvite(Member actor, Role role, Party party) {
        refuseReadOnly(actor);
        if (!sees(actor, party)) {
            throw new NotFound("Organization " + party.organizationId() + " was not found");
        }
        if (role == null) {
            throw new InvalidInput("role", "A user needs a role");
        }
        refuseSuperAdmin(role);
        if (!manages(actor, party)) {
            throw new Forbidden("A " + actor.role() + " cannot invite users here");
        }
        requireFit(role, party);
    }

    /**
     * Refuses a change of the target: a new role and/or enabling or disabling (null: unchanged).
     * The display name alone is a change too ({@code newRole} and {@code enabled} both null).
     */
    public static void checkChange(Member actor, Member target, Role newRole, Boolean enabled) {
        if (!sees(actor, target)) {
            throw new NotFound("User " + target.userId() + " was not found");
        }
        refuseReadOnly(actor);
        if (target.role() == Role.SUPER_ADMIN && actor.role() != Role.SUPER_ADMIN) {
            throw new Forbidden("Only the platform operator manages a SUPER_ADMIN");
        }
        if (newRole != null) {
            refuseSuperAdmin(newRole);
        }
        boolean self = actor.userId() == target.userId();
        if (self && (Boolean.FALSE.equals(enabled) || (newRole != null && newRole != target.role()))) {
            throw new Forbidden("You cannot disable yourself or change your own role: ask another administrator");
        }
        if (!self && !manages(actor, target.party())) {
            throw new Forbidden("A " + actor.role() + " cannot change this user");
        }
        if (newRole != null) {
            requireFit(newRole, target.party());
        }
    }

    /** Whether the actor may invite users into this party and change theirs (with the role rules on top). */
    public static boolean manages(Member actor, Party party) {
        return switch (actor.role()) {
            case SUPER_ADMIN, ADMIN -> true;
            case SUPERVISOR -> false;
            case RESELLER -> ownParty(actor, party) || ownCustomer(actor, party);
            case VENDOR, DISTRIBUTOR -> ownParty(actor, party);
            case CUSTOMER -> ownParty(actor, party) && actor.party().partyKind() == PartyKind.COMPANY;
        };
    }

    private static boolean ownParty(Member actor, Party party) {
        return !actor.party().isStaff() && actor.party().organizationId().equals(party.organizationId());
    }

    private static boolean ownCustomer(Member actor, Party party) {
        return actor.role() == Role.RESELLER && party.kind() == OrganizationKind.CUSTOMER
                && actor.party().organizationId().equals(party.sellerId());
    }

    private static void refuseReadOnly(Member actor) {
        if (actor.role() == Role.SUPERVISOR) {
            throw new Forbidden("A SUPERVISOR reads users but changes none");
        }
    }

    private static void refuseSuperAdmin(Role role) {
        if (role == Role.SUPER_ADMIN) {
            throw new Forbidden("SUPER_ADMIN is the platform operator's role: no one is invited or promoted to it");
        }
    }

    /** The role must be the one of the party's kind (User/Role): staff roles for staff, CUSTOMER for a customer... */
    private static void requireFit(Role role, Party party) {
        if (!role.organizationKind().equals(party.kindIfAny())) {
            throw new InvalidInput("role", "A " + role + " user cannot belong to "
                    + party.kindIfAny().map(kind -> "a " + kind).orElse("the tenant's staff"));
        }
    }
}
