package org.cloudmarket.accounts.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import org.cloudmarket.identity.domain.AuditEntry.Channel;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.identity.service.Caller;
import org.cloudmarket.identity.service.UserView;
import org.cloudmarket.shared.error.Conflict;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.tenancy.domain.Organization;
import org.cloudmarket.tenancy.domain.OrganizationKind;

/**
 * The admin opens a vendor's, distributor's or reseller's organization together with its first
 * user, who is invited by mail. Customers are made elsewhere (sign-up, a seller's customer directory).
 */
@Stateless
public class OrganizationAdministration {

    /** A new organization and its first user; parentId is a reseller's distributor (optional). */
    public record Opening(OrganizationKind kind, String name, Long parentId, String userEmail, String userDisplayName) {
    }

    /** The organization and the user invited into it. */
    public record Opened(OrganizationView organization, UserView user) {
    }

    @Inject
    private EntityManager entityManager;

    @Inject
    private Caller caller;

    @Inject
    private Invitations invitations;

    @Inject
    private Clock clock;

    @RolesAllowed({Role.Names.ADMIN, Role.Names.SUPERVISOR})
    public List<OrganizationView> list() {
        return entityManager.createQuery("SELECT o FROM Organization o ORDER BY o.kind, o.name", Organization.class)
                .getResultStream().map(OrganizationView::of).toList();
    }

    @RolesAllowed(Role.Names.ADMIN)
    public Opened open(Opening opening, String remoteAddress, Channel channel) {
        User admin = caller.person();
        if (opening.kind() == null || opening.kind() == OrganizationKind.CUSTOMER) {
            throw new InvalidInput("kind", "kind is one of VENDOR, DISTRIBUTOR, RESELLER (customers sign up or are added by their seller)");
        }
        requireFreeName(opening);
        Organization organization = opening.parentId() == null
                ? Organization.underTenant(opening.kind(), opening.name(), clock.instant())
                : Organization.under(parent(opening), opening.kind(), opening.name(), clock.instant());
        entityManager.persist(organization);
        Role role = Role.valueOf(opening.kind().name());
        User user = invitations.invite(required("userEmail", opening.userEmail()), required("userDisplayName", opening.userDisplayName()),
                role, organization, admin, remoteAddress, channel);
        return new Opened(OrganizationView.of(organization), UserView.of(user));
    }

    /** Names are unique per kind in a tenant (uk_organization_tenant_kind_name): a duplicate is a 409 naming the field. */
    private void requireFreeName(Opening opening) {
        if (opening.name() == null) {
            return; // Organization says the name is required
        }
        boolean taken = entityManager.createQuery("SELECT COUNT(o) FROM Organization o WHERE o.kind = :kind AND o.name = :name", Long.class)
                .setParameter("kind", opening.kind()).setParameter("name", opening.name().strip()).getSingleResult() > 0;
        if (taken) {
            throw new Conflict("name", "A " + opening.kind() + " named " + opening.name().strip() + " already exists");
        }
    }

    private Organization parent(Opening opening) {
        Organization parent = entityManager.find(Organization.class, opening.parentId());
        if (parent == null || !opening.kind().allowedParents().contains(parent.getKind())) {
            throw new InvalidInput("parentId", "A " + opening.kind() + " may only belong to "
                    + (opening.kind().allowedParents().isEmpty() ? "the marketplace itself" : "one of its " + opening.kind().allowedParents()));
        }
        return parent;
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput(field, field + " is required");
        }
        return value;
    }
}
