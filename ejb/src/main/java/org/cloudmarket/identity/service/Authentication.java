package org.cloudmarket.identity.service;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import org.cloudmarket.identity.domain.PasswordHasher;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.shared.error.Unauthenticated;

/**
 * Checks passwords and API tokens against the users of the current tenant. An unknown e-mail and a
 * wrong password fail the same way, in the same time, with the same message.
 */
@Stateless
@PermitAll
public class Authentication {

    public static final String BAD_CREDENTIALS = "Invalid email or password";

    private final PasswordHasher passwordHasher = new PasswordHasher();

    @Inject
    private EntityManager entityManager;

    @Inject
    private ApiTokens apiTokens;

    public Optional<SignedInUser> checkPassword(String email, String password) {
        String attempt = password == null ? "" : password;
        Optional<User> user = entityManager.createNamedQuery(User.BY_EMAIL, User.class)
                .setParameter("email", User.normalizeEmail(email))
                .getResultStream()
                .findFirst();
        if (user.isEmpty()) {
            passwordHasher.verifyDecoy(attempt);
            return Optional.empty();
        }
        boolean valid = passwordHasher.verify(attempt, user.get().getPasswordHash());
        return valid && user.get().isEnabled() ? Optional.of(SignedInUser.of(user.get(), null)) : Optional.empty();
    }

    public IssuedToken issueToken(String email, String password) {
        SignedInUser signedIn = checkPassword(email, password).orElseThrow(() -> new Unauthenticated(BAD_CREDENTIALS));
        return apiTokens.issue(entityManager.find(User.class, signedIn.userId()), null);
    }

    public Optional<SignedInUser> verifyToken(String secret) {
        return apiTokens.findUsable(secret).map(token -> SignedInUser.of(token.getUser(),
                token.getImpersonator().map(User::getId).orElse(null)));
    }

    /**
     * A remembered sign-in (a browser session) as the database sees it now: empty when the user,
     * or the impersonator it is acting for, may no longer do so.
     */
    public Optional<SignedInUser> resume(SignedInUser remembered) {
        User user = entityManager.find(User.class, remembered.userId());
        if (user == null || !user.isEnabled()) {
            return Optional.empty();
        }
        if (!remembered.isImpersonated()) {
            return Optional.of(SignedInUser.of(user, null));
        }
        User impersonator = entityManager.find(User.class, remembered.impersonatorId());
        return impersonator != null && impersonator.mayActAs(user)
                ? Optional.of(SignedInUser.of(user, impersonator.getId()))
                : Optional.empty();
    }
}
