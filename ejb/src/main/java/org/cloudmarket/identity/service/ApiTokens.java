package org.cloudmarket.identity.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.cloudmarket.identity.domain.ApiToken;
import org.cloudmarket.identity.domain.TokenSecret;
import org.cloudmarket.identity.domain.User;

/** Issues and finds API tokens inside the calling service's transaction and tenant. */
@Dependent
public class ApiTokens {

    static final Duration LIFETIME = Duration.ofHours(12);

    @Inject
    private EntityManager entityManager;

    @Inject
    private Clock clock;

    IssuedToken issue(User user, User impersonator) {
        String secret = TokenSecret.generate();
        Instant now = clock.instant();
        ApiToken token = new ApiToken(TokenSecret.hash(secret), user, impersonator, now, now.plus(LIFETIME));
        entityManager.persist(token);
        Long impersonatorId = impersonator == null ? null : impersonator.getId();
        return new IssuedToken(secret, token.getExpiresAt(), SignedInUser.of(user, impersonatorId));
    }

    /** The token with this secret, if it exists in the current tenant and can still be used. */
    Optional<ApiToken> findUsable(String secret) {
        if (secret == null || secret.isBlank()) {
            return Optional.empty();
        }
        return entityManager.createNamedQuery(ApiToken.BY_HASH, ApiToken.class)
                .setParameter("hash", TokenSecret.hash(secret))
                .getResultStream()
                .findFirst()
                .filter(token -> token.isUsableAt(clock.instant()));
    }

    void revoke(ApiToken token) {
        token.revoke(clock.instant());
    }

    /**
     * Ends every token the user signed in with or acts as someone else with (a new password, a
     * disabled account): none may come back to life later, for instance when it is enabled again.
     */
    public void revokeEveryTokenOf(User user) {
        Instant now = clock.instant();
        entityManager.createNamedQuery(ApiToken.UNREVOKED_OF, ApiToken.class).setParameter("user", user)
                .getResultStream().forEach(token -> token.revoke(now));
    }
}
