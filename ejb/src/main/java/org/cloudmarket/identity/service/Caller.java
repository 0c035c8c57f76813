package org.cloudmarket.identity.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.Optional;
import org.cloudmarket.identity.domain.ApiKey;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.shared.error.Forbidden;
import org.cloudmarket.shared.error.NotFound;
import org.cloudmarket.shared.error.Unauthenticated;
import org.cloudmarket.tenancy.domain.Organization;

/**
 * The authenticated caller of a service, as the user of the current tenant it acts as. The web
 * layer's authentication mechanism names the caller principal by user id.
 */
@Dependent
public class Caller {

    @Inject
    private SecurityContext securityContext;

    @Inject
    private EntityManager entityManager;

    public long userId() {
        Principal principal = securityContext.getCallerPrincipal();
        if (principal == null) {
            throw new Unauthenticated("Sign in first");
        }
        try {
            return Long.parseLong(principal.getName());
        } catch (NumberFormatException e) {
            throw new Unauthenticated("Sign in first");
        }
    }

    /** The signed-in user, or nothing for an anonymous visitor of the storefront. */
    public Optional<User> current() {
        Principal principal = securityContext.getCallerPrincipal();
        if (principal == null || !principal.getName().chars().allMatch(Character::isDigit) || principal.getName().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(user());
    }

    /** The organization the caller works for; a caller of none (tenant staff) finds nothing to act on. */
    public Organization organization() {
        return user().getOrganization().orElseThrow(() -> new NotFound("You belong to no organization"));
    }

    /**
     * The caller when it is a person, not an API key's machine user: what creates or reaches other
     * principals (impersonating, inviting users, opening organizations or customers, closing
     * accounts, minting keys) is done by people only, so a leaked key cannot grow into more access.
     */
    public User person() {
        User actor = user();
        if (ApiKey.isMachine(actor)) {
            throw new Forbidden("An API key cannot do this: sign in as a person");
        }
        return actor;
    }

    /** The caller's user row; a principal of another tenant finds nothing here. */
    public User user() {
        User user = entityManager.find(User.class, userId());
        if (user == null || !user.isEnabled()) {
            throw new Unauthenticated("Sign in first");
        }
        return user;
    }
}
