package org.cloudmarket.identity.service;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import org.cloudmarket.identity.domain.PasswordHasher;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.shared.error.TooManyAttempts;
import org.cloudmarket.shared.error.Unauthenticated;
import org.cloudmarket.shared.tenant.TenantContext;

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

    @Inject
    private SignInThrottle throttle;

    @Inject
    private TenantContext tenantContext;

    /**
     * The user with this e-mail and password, if any. Refuses with {@link TooManyAttempts}, before
     * hashing anything, an account or client address that failed too often (SignInThrottle).
     */
    public Optional<SignedInUser> checkPassword(String email, String password, String clientAddress) {
        String normalizedEmail = User.normalizeEmail(email);
        String account = tenantContext.requireTenantId() + ":" + normalizedEmail;
        throttle.check(account, clientAddress);
        Optional<SignedInUser> signedIn = verifyPassword(normalizedEmail, password == null ? "" : password);
        if (signedIn.isPresent()) {
            throttle.succeeded(account);
        } else {
            throttle.failed(account, clientAddress);
        }
        return signedIn;
    }

    private Optional<SignedInUser> verifyPassword(String email, String attempt) {
        Optional<User> user = entityManager.createNamedQuery(User.BY_EMAIL, User.class)
                .setParameter("email", email)
                .getResultStream()
                .findFirst();
        if (user.isEmpty()) {
            passwordHasher.spendDecoyTime(attempt);
            return Optional.empty();
        }
        boolean valid = passwordHasher.verify(attempt, user.get().getPasswordHash());
        return valid && user.get().isEnabled() ? Optional.of(SignedInUser.of(user.get(), null)) : Optional.empty();
    }

    public IssuedToken issueToken(String email, String password, String clientAddress) {
        SignedInUser signedIn = checkPassword(email, password, clientAddress).orElseThrow(() -> new Unauthenticated(BAD_CREDENTIALS));
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
