package org.cloudmarket.identity.service;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.tenancy.domain.Tenant;

/**
 * The short transactions around a password check, which itself runs outside any transaction and
 * holds no database connection (Authentication): reading what the check needs. Issuing the token
 * once it passed is TokenIssuer's, which no request can reach.
 */
@Stateless
@PermitAll
public class Credentials {

    /** What a password check needs of a user of the current tenant, read in one short transaction. */
    public record Stored(SignedInUser user, String passwordHash, boolean enabled, boolean roleHolds) {
    }

    @Inject
    private EntityManager entityManager;

    public Optional<Stored> of(String normalizedEmail) {
        return entityManager.createNamedQuery(User.BY_EMAIL, User.class)
                .setParameter("email", normalizedEmail)
                .getResultStream()
                .findFirst()
                .map(user -> new Stored(SignedInUser.of(user, null), user.getPasswordHash(), user.isEnabled(), roleHolds(user)));
    }

    /** See {@link org.cloudmarket.identity.domain.Role#holdsIn}. */
    public boolean roleHolds(User user) {
        return user.getRole().holdsIn(Tenant.PLATFORM.equals(entityManager.find(Tenant.class, user.getTenantId()).getSlug()));
    }
}
