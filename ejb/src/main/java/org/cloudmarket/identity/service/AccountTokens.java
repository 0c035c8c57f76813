package org.cloudmarket.identity.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import org.cloudmarket.identity.domain.AccountToken;
import org.cloudmarket.identity.domain.AccountTokenPurpose;
import org.cloudmarket.identity.domain.TokenSecret;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.shared.error.InvalidInput;

/**
 * Issues and redeems the single-use links sent by mail, inside the calling service's transaction
 * and tenant. Issuing one ends the user's earlier unused links of the same purpose; redeeming
 * marks the link used by one UPDATE guarded by {@code used_at IS NULL}, so of two requests with one
 * link only the one whose UPDATE changed the row passes.
 */
@Dependent
public class AccountTokens {

    /** The one answer for an unknown, used, expired or mistyped link: it tells an attacker nothing. */
    public static final String UNUSABLE = "This link is invalid, has expired or was already used";

    @Inject
    private EntityManager entityManager;

    @Inject
    private Clock clock;

    /** A new link's secret, handed to the mail once; only its hash is stored. */
    public String issue(User user, AccountTokenPurpose purpose) {
        Instant now = clock.instant();
        endUnused(user, purpose);
        String secret = TokenSecret.generate();
        entityManager.persist(new AccountToken(user, purpose, TokenSecret.hash(secret), now));
        return secret;
    }

    /** The user the link was issued to, marking it used; refused with {@link InvalidInput} on field {@code token}. */
    public User redeem(String secret, AccountTokenPurpose purpose) {
        if (secret == null || secret.isBlank() || secret.length() > 100) {
            throw new InvalidInput("token", UNUSABLE);
        }
        Instant now = clock.instant();
        AccountToken token = entityManager.createNamedQuery(AccountToken.BY_HASH, AccountToken.class)
                .setParameter("hash", TokenSecret.hash(secret.strip()))
                .getResultStream().findFirst()
                .filter(found -> found.isUsableAt(now, purpose))
                .orElseThrow(() -> new InvalidInput("token", UNUSABLE));
        int claimed = entityManager.createQuery("UPDATE AccountToken t SET t.usedAt = :now WHERE t.id = :id AND t.usedAt IS NULL")
                .setParameter("now", now).setParameter("id", token.getId()).executeUpdate();
        if (claimed != 1) {
            throw new InvalidInput("token", UNUSABLE); // a parallel request redeemed it first
        }
        token.use(now);
        return token.getUser();
    }

    /** Ends the user's unused links of this purpose (a newer one replaces them, or a password was set). */
    public void endUnused(User user, AccountTokenPurpose purpose) {
        Instant now = clock.instant();
        entityManager.createNamedQuery(AccountToken.UNUSED_OF_USER, AccountToken.class)
                .setParameter("user", user).setParameter("purpose", purpose)
                .getResultStream().forEach(earlier -> earlier.use(now));
    }
}
