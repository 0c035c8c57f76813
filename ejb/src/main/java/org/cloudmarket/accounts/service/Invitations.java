package org.cloudmarket.accounts.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.Map;
import org.cloudmarket.identity.domain.AccountTokenPurpose;
import org.cloudmarket.identity.domain.ApiKey;
import org.cloudmarket.identity.domain.AuditAction;
import org.cloudmarket.identity.domain.AuditEntry.Channel;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.identity.service.AccountTokens;
import org.cloudmarket.identity.service.AuditTrail;
import org.cloudmarket.messaging.service.MailTemplate;
import org.cloudmarket.shared.error.Conflict;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.tenancy.domain.Organization;

/**
 * Creates a user someone else invites (an admin, a reseller, a colleague, a seller adding a
 * customer, the platform opening a marketplace) inside the calling service's transaction: the
 * platform's only way to invite. No password until the invitation link is followed, the
 * INVITATION mail with its set-password link, and the audit line. Whoever calls has checked that
 * the inviter may.
 */
@Dependent
public class Invitations {

    /**
     * Who invites: the audit line's actor (a user of this tenant) and the name the mail gives. The
     * platform opening a marketplace has no user in the new tenant: no actor, no USER_CREATED
     * line there (the platform's TENANT_CREATED line names the operator).
     */
    public record Inviter(Long actorId, String name) {

        public static Inviter of(User person) {
            return new Inviter(person.getId(), person.getDisplayName());
        }

        public static Inviter platform(String operatorName) {
            return new Inviter(null, operatorName);
        }
    }

    /** What an invited user's password hash is until it sets one: it matches no password (PasswordHasher). */
    static final String NO_PASSWORD_YET = "!invited";

    @Inject
    private EntityManager entityManager;

    @Inject
    private AccountTokens accountTokens;

    @Inject
    private AccountMail accountMail;

    @Inject
    private AuditTrail auditTrail;

    @Inject
    private Clock clock;

    User invite(String email, String displayName, Role role, Organization organization, User inviter,
                String remoteAddress, Channel channel) {
        return invite(email, displayName, role, organization, Inviter.of(inviter), remoteAddress, channel);
    }

    public User invite(String email, String displayName, Role role, Organization organization, Inviter inviter,
                       String remoteAddress, Channel channel) {
        if (organization != null && organization.getClosedAt().isPresent()) {
            throw new Conflict("organizationId", "This account is closed: nobody can be invited into it");
        }
        User user = new User(email, displayName, role, organization, NO_PASSWORD_YET, clock.instant());
        if (ApiKey.isMachine(user)) {
            throw new InvalidInput("email", "This domain is reserved for API keys");
        }
        requireFreeEmail(user.getEmail());
        entityManager.persist(user);
        entityManager.flush(); // the id, for the audit line and the token
        if (inviter.actorId() != null) {
            auditTrail.record(AuditAction.USER_CREATED, inviter.actorId(), user.getId(), remoteAddress, channel);
        }
        String secret = accountTokens.issue(user, AccountTokenPurpose.INVITATION);
        accountMail.sendSetPasswordLink(user, MailTemplate.INVITATION, secret, Map.of("inviter", inviter.name()));
        return user;
    }

    /** One account per e-mail in a tenant: a duplicate is a 409 naming the field. */
    void requireFreeEmail(String normalizedEmail) {
        boolean taken = entityManager.createNamedQuery(User.BY_EMAIL, User.class)
                .setParameter("email", normalizedEmail).getResultStream().findAny().isPresent();
        if (taken) {
            throw new Conflict("email", normalizedEmail + " already has an account on this marketplace");
        }
    }
}
