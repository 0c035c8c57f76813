package org.cloudmarket.identity.service;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import org.cloudmarket.identity.domain.ApiToken;
import org.cloudmarket.identity.domain.AuditAction;
import org.cloudmarket.identity.domain.AuditEntry;
import org.cloudmarket.identity.domain.AuditEntry.Channel;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.shared.error.Conflict;
import org.cloudmarket.shared.error.Forbidden;
import org.cloudmarket.shared.error.NotFound;

/**
 * Acting as another user of the tenant, only downwards (see {@link Role#mayImpersonate}). Every
 * start and every end is written to the audit log in the same transaction as the change itself.
 */
@Stateless
public class Impersonation {

    @Inject
    private EntityManager entityManager;

    @Inject
    private Caller caller;

    @Inject
    private ApiTokens apiTokens;

    @Inject
    private Clock clock;

    /** Starts acting as the target in a web session; the session keeps the returned identity. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.SUPERVISOR})
    public SignedInUser start(SignedInUser current, long targetId, String remoteAddress) {
        User target = authorize(current, targetId);
        audit(AuditAction.IMPERSONATION_STARTED, caller.userId(), target.getId(), remoteAddress, Channel.WEB);
        return SignedInUser.actingAs(target, caller.user());
    }

    /** Starts acting as the target through the API: a token of the target that names its impersonator. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.SUPERVISOR})
    public IssuedToken startWithToken(SignedInUser current, long targetId, String remoteAddress) {
        User target = authorize(current, targetId);
        audit(AuditAction.IMPERSONATION_STARTED, caller.userId(), target.getId(), remoteAddress, Channel.API);
        return apiTokens.issue(target, caller.user());
    }

    /** Ends a web impersonation; the caller is then the impersonator again. */
    @PermitAll
    public void end(SignedInUser current, String remoteAddress) {
        requireImpersonating(current);
        audit(AuditAction.IMPERSONATION_ENDED, current.impersonatorId(), current.userId(), remoteAddress, Channel.WEB);
    }

    /** Ends an API impersonation by revoking its token. */
    @PermitAll
    public void endWithToken(SignedInUser current, String tokenSecret, String remoteAddress) {
        requireImpersonating(current);
        ApiToken token = apiTokens.findUsable(tokenSecret)
                .orElseThrow(() -> new Conflict("This token is not an active impersonation"));
        apiTokens.revoke(token);
        audit(AuditAction.IMPERSONATION_ENDED, current.impersonatorId(), current.userId(), remoteAddress, Channel.API);
    }

    /**
     * {@code current} is the web layer's record of the sign-in (session or token), the only place
     * that knows whether it is already an impersonation; it must be the authenticated caller's.
     */
    private User authorize(SignedInUser current, long targetId) {
        User actor = caller.person(); // an API key's machine user never becomes a person
        if (current.userId() != actor.getId()) {
            throw new Forbidden("The sign-in does not match the caller");
        }
        if (current.isImpersonated()) {
            throw new Conflict("Stop acting as " + current.email() + " before acting as someone else");
        }
        User target = entityManager.find(User.class, targetId);
        if (target == null) {
            throw new NotFound("User " + targetId + " was not found");
        }
        if (!actor.getRole().mayImpersonate(target.getRole())) {
            throw new Forbidden("A " + actor.getRole() + " cannot act as a " + target.getRole());
        }
        if (!actor.mayActAs(target)) {
            throw new Conflict(target.getEmail() + " is disabled");
        }
        return target;
    }

    private void requireImpersonating(SignedInUser current) {
        if (!current.isImpersonated() || current.userId() != caller.userId()) {
            throw new Conflict("You are not acting as another user");
        }
    }

    private void audit(AuditAction action, long actorId, long subjectId, String remoteAddress, Channel channel) {
        entityManager.persist(new AuditEntry(clock.instant(), action, actorId, subjectId, remoteAddress, channel));
    }
}
