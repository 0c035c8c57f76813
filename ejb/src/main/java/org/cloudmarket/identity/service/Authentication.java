package org.cloudmarket.identity.service;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import org.cloudmarket.identity.domain.PasswordHasher;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.shared.error.Forbidden;
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

    /** Why staff are refused on a custom domain (Role#signsInOnCustomDomains). */
    public static final String STAFF_ON_CUSTOM_DOMAIN =
            "This address is a storefront's own domain, where only customers sign in: sign in on the marketplace's address";

    /**
     * Why a customer with the right password is refused on a storefront not of its seller's, and
     * where to go instead; only the account's owner, who knows its password, ever reads it.
     */
    public static final String STORE_ELSEWHERE = "Your account belongs to another store of this marketplace: sign in at %s";
    public static final String NO_STORE = "Your account belongs to another store of this marketplace: ask your seller where to sign in";

    private final PasswordHasher passwordHasher = new PasswordHasher();

    @Inject
    private EntityManager entityManager;

    @Inject
    private ApiTokens apiTokens;

    @Inject
    private ApiKeyLookup apiKeys;

    @Inject
    private Credentials credentials;

    @Inject
    private TokenIssuer tokens;

    @Inject
    private SignInThrottle throttle;

    @Inject
    private HashingPermits hashing;

    @Inject
    private TenantContext tenantContext;

    /**
     * The user with this e-mail and password, if any. The attempt is counted before anything is
     * hashed, and refused with {@link TooManyAttempts} when the account or the client address has
     * used up its window (SignInThrottle). Runs outside any transaction: the password is hashed
     * holding no database connection, with at most a few hashes at once (HashingPermits). Staff
     * with the right password are refused with {@link Forbidden} on a custom domain.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<SignedInUser> checkPassword(String email, String password, String clientAddress) {
        String normalizedEmail = User.normalizeEmail(email);
        String attempt = password == null ? "" : password;
        SignInThrottle.Reservation reservation = throttle.reserve(tenantContext.requireTenantId(), normalizedEmail, clientAddress);
        Optional<Credentials.Stored> stored = credentials.of(normalizedEmail);
        boolean valid;
        try {
            valid = hashing.check(() -> stored.isPresent() ? passwordHasher.verify(attempt, stored.get().passwordHash())
                    : decoy(attempt));
        } catch (TooManyAttempts busy) {
            throttle.cancel(reservation);
            throw busy;
        }
        if (!valid || !stored.get().enabled() || !stored.get().roleHolds()) {
            return Optional.empty();
        }
        throttle.succeeded(reservation);
        SignedInUser user = stored.get().user();
        if (!maySignInHere(user)) {
            throw new Forbidden(STAFF_ON_CUSTOM_DOMAIN);
        }
        if (user.role() == Role.CUSTOMER) {
            credentials.storeElsewhere(user.userId()).ifPresent(address -> {
                throw new Forbidden(address.map(STORE_ELSEWHERE::formatted).orElse(NO_STORE));
            });
        }
        return Optional.of(user);
    }

    private boolean decoy(String attempt) {
        passwordHasher.spendDecoyTime(attempt);
        return false;
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public IssuedToken issueToken(String email, String password, String clientAddress) {
        SignedInUser signedIn = checkPassword(email, password, clientAddress).orElseThrow(() -> new Unauthenticated(BAD_CREDENTIALS));
        return tokens.issue(signedIn.userId());
    }

    /** The token's user, unless its role does not hold here or it may not be used on this host (a customer's only at its store). */
    public Optional<SignedInUser> verifyToken(String secret) {
        Optional<SignedInUser> user = apiTokens.findUsable(secret)
                .filter(token -> credentials.roleHolds(token.getUser()))
                .map(token -> SignedInUser.of(token.getUser(), token.getImpersonator().map(User::getId).orElse(null)));
        if (user.isEmpty()) {
            user = apiKeys.findUsable(secret).filter(key -> credentials.roleHolds(key.getUser())).map(key -> SignedInUser.of(key.getUser(), null));
        }
        return user.filter(this::mayResumeHere);
    }

    /** On a custom domain only customers acting as themselves (Role#signsInOnCustomDomains). */
    private boolean maySignInHere(SignedInUser user) {
        return !tenantContext.onCustomDomain() || (user.role().signsInOnCustomDomains() && !user.isImpersonated());
    }

    /**
     * Whether a token or session may be used on this host: as for a password sign-in, and a
     * customer only at its seller's store (Credentials#storeElsewhere), so a token or session cookie
     * from one storefront does not sign the customer in on another. Staff acting as a customer are
     * not the customer signing in: they stay on the tenant's hosts.
     */
    private boolean mayResumeHere(SignedInUser user) {
        return maySignInHere(user)
                && (user.role() != Role.CUSTOMER || user.isImpersonated() || credentials.storeElsewhere(user.userId()).isEmpty());
    }

    /**
     * A remembered sign-in (a browser session) as the database sees it now: empty when the user,
     * or the impersonator it is acting for, may no longer do so, or changed the password since.
     */
    public Optional<SignedInUser> resume(SignedInUser remembered) {
        User user = entityManager.find(User.class, remembered.userId());
        if (user == null || !user.isEnabled() || !credentials.roleHolds(user)) {
            return Optional.empty();
        }
        if (!remembered.isImpersonated()) {
            return Optional.of(SignedInUser.of(user, null))
                    .filter(current -> current.credentialsVersion() == remembered.credentialsVersion())
                    .filter(this::mayResumeHere);
        }
        User impersonator = entityManager.find(User.class, remembered.impersonatorId());
        return impersonator != null && impersonator.mayActAs(user)
                && impersonator.getCredentialsVersion() == remembered.credentialsVersion()
                ? Optional.of(SignedInUser.actingAs(user, impersonator)).filter(this::mayResumeHere)
                : Optional.empty();
    }
}
