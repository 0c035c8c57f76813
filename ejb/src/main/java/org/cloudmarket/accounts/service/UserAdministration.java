package org.cloudmarket.accounts.service;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.cloudmarket.identity.domain.ApiKey;
import org.cloudmarket.identity.domain.AuditAction;
import org.cloudmarket.identity.domain.AuditEntry.Channel;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.identity.domain.UserAdministrationRules.Member;
import org.cloudmarket.identity.domain.UserAdministrationRules.Party;
import org.cloudmarket.identity.domain.UserAdministrationRules;
import org.cloudmarket.identity.service.ApiTokens;
import org.cloudmarket.identity.service.AuditTrail;
import org.cloudmarket.identity.service.Caller;
import org.cloudmarket.identity.service.UserView;
import org.cloudmarket.shared.error.Conflict;
import org.cloudmarket.shared.error.Forbidden;
import org.cloudmarket.shared.error.NotFound;
import org.cloudmarket.tenancy.domain.Organization;

/**
 * Lists, invites and changes the tenant's users as UserAdministrationRules allow the caller.
 * API keys' machine users are left out: they are managed as keys (ApiKeys), not as people.
 */
@Stateless
@PermitAll
public class UserAdministration {

    /** What an invitation needs; organizationId null means the tenant's staff for an admin, the caller's own organization otherwise. */
    public record Invite(String email, Role role, String displayName, Long organizationId) {
    }

    /** A change of a user; a null field stays as it is. */
    public record Change(Boolean enabled, Role role, String displayName) {
    }

    private static final String PEOPLE = "SELECT u FROM User u WHERE u.email NOT LIKE '%@" + ApiKey.MACHINE_DOMAIN + "'";

    @Inject
    private EntityManager entityManager;

    @Inject
    private Caller caller;

    @Inject
    private Invitations invitations;

    @Inject
    private AuditTrail auditTrail;

    @Inject
    private ApiTokens apiTokens;

    /** The users the caller may see: staff all of them, everyone else its organization's (a reseller its customers' too). */
    public List<UserView> list() {
        User actor = caller.user();
        Member member = Member.of(actor);
        if (!UserAdministrationRules.listsUsers(member)) {
            throw new Forbidden("A " + actor.getRole() + " without colleagues has no users to list");
        }
        List<User> candidates = actor.getOrganization().isEmpty()
                ? entityManager.createQuery(PEOPLE + " ORDER BY u.id", User.class).getResultList()
                : entityManager.createQuery(PEOPLE + " AND (u.organization = :organization OR u.organization.parent = :organization)"
                        + " ORDER BY u.id", User.class).setParameter("organization", actor.getOrganization().get()).getResultList();
        return candidates.stream().filter(user -> UserAdministrationRules.sees(member, Member.of(user))).map(UserView::of).toList();
    }

    /** The organizations the caller may invite users into (for a form's choice); staff are not one of them. */
    public List<OrganizationView> invitableOrganizations() {
        User actor = caller.user();
        Member member = Member.of(actor);
        List<Organization> candidates = actor.getOrganization().isEmpty()
                ? entityManager.createQuery("SELECT o FROM Organization o ORDER BY o.kind, o.name", Organization.class).getResultList()
                : entityManager.createQuery("SELECT o FROM Organization o WHERE o = :organization OR o.parent = :organization ORDER BY o.kind, o.name",
                        Organization.class).setParameter("organization", actor.getOrganization().get()).getResultList();
        return candidates.stream().filter(organization -> UserAdministrationRules.manages(member, Party.of(organization)))
                .map(OrganizationView::of).toList();
    }

    public UserView invite(Invite invite, String remoteAddress, Channel channel) {
        User actor = caller.person(); // an API key acts for its organization but does not hire or fire its people
        Organization organization = organizationFor(actor, invite.organizationId());
        UserAdministrationRules.checkInvite(Member.of(actor), invite.role(), Party.of(organization));
        return UserView.of(invitations.invite(invite.email(), invite.displayName(), invite.role(), organization, actor,
                remoteAddress, channel));
    }

    public UserView change(long userId, Change change, String remoteAddress, Channel channel) {
        User actor = caller.person();
        User target = person(userId);
        if (target.getOrganization().flatMap(Organization::getClosedAt).isPresent()) {
            throw new Conflict("This user's account is closed: it cannot be changed or enabled again");
        }
        UserAdministrationRules.checkChange(Member.of(actor), Member.of(target), change.role(), change.enabled());
        if (change.displayName() != null) {
            target.changeDisplayName(change.displayName());
        }
        if (change.role() != null && change.role() != target.getRole()) {
            target.changeRole(change.role());
            auditTrail.record(AuditAction.USER_ROLE_CHANGED, actor.getId(), target.getId(), remoteAddress, channel);
        }
        if (change.enabled() != null && change.enabled() != target.isEnabled()) {
            if (change.enabled()) {
                target.enable();
            } else {
                target.disable(); // raises the credentials version: its sessions end for good
                apiTokens.revokeEveryTokenOf(target); // and its tokens, which enabling it again must not revive
            }
            auditTrail.record(change.enabled() ? AuditAction.USER_ENABLED : AuditAction.USER_DISABLED,
                    actor.getId(), target.getId(), remoteAddress, channel);
        }
        return UserView.of(target);
    }

    private Organization organizationFor(User actor, Long organizationId) {
        if (organizationId == null) {
            return actor.getRole().isTenantStaff() ? null : actor.getOrganization().orElse(null);
        }
        Organization organization = entityManager.find(Organization.class, organizationId);
        if (organization == null) {
            throw new NotFound("Organization " + organizationId + " was not found");
        }
        return organization;
    }

    /** A person of this tenant; a machine user is not one (and another tenant's id finds nothing). */
    private User person(long userId) {
        User user = entityManager.find(User.class, userId);
        if (user == null || ApiKey.isMachine(user)) {
            throw new NotFound("User " + userId + " was not found");
        }
        return user;
    }
}
