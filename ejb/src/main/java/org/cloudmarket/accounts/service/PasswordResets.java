package org.cloudmarket.accounts.service;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.Map;
import org.cloudmarket.identity.domain.AccountTokenPurpose;
import org.cloudmarket.identity.domain.ApiKey;
import org.cloudmarket.identity.domain.ApiToken;
import org.cloudmarket.identity.domain.AuditAction;
import org.cloudmarket.identity.domain.AuditEntry.Channel;
import org.cloudmarket.identity.domain.PasswordHasher;
import org.cloudmarket.identity.domain.PasswordPolicy;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.identity.service.AccountTokens;
import org.cloudmarket.identity.service.AuditTrail;
import org.cloudmarket.messaging.service.MailTemplate;
import org.cloudmarket.shared.error.InvalidInput;

/**
 * Forgotten passwords and first passwords: a reset link by mail, and setting a password with a
 * reset or invitation link. Asking reveals nothing (the same answer for every e-mail); setting one
 * ends every session and API token of the user.
 */
@Stateless
@PermitAll
public class PasswordResets {

    private final PasswordHasher passwordHasher = new PasswordHasher();

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

    /** Mails a reset link to an enabled user with this e-mail; answers nothing either way. */
    public void request(String email) {
        entityManager.createNamedQuery(User.BY_EMAIL, User.class)
                .setParameter("email", User.normalizeEmail(email))
                .getResultStream().findFirst()
                .filter(User::isEnabled)
                .filter(user -> !ApiKey.isMachine(user))
                .ifPresent(user -> accountMail.sendSetPasswordLink(user, MailTemplate.PASSWORD_RESET,
                        accountTokens.issue(user, AccountTokenPurpose.RESET_PASSWORD), Map.of()));
    }

    /**
     * Sets the password of the link's user (a reset or an invitation, which also proves the e-mail).
     * The password is checked first, so a refused one leaves the link usable.
     */
    public void complete(String secret, String password, String remoteAddress, Channel channel) {
        PasswordPolicy.check(password);
        Redeemed redeemed = redeem(secret);
        User user = redeemed.user();
        if (!user.isEnabled()) {
            throw new InvalidInput("token", AccountTokens.UNUSABLE);
        }
        if (redeemed.purpose() == AccountTokenPurpose.INVITATION) {
            user.verifyEmail(clock.instant());
        }
        user.changePasswordHash(passwordHasher.hash(password)); // raises the credentials version: sessions end
        entityManager.createQuery("SELECT t FROM ApiToken t WHERE t.user = :user", ApiToken.class)
                .setParameter("user", user).getResultStream().forEach(token -> token.revoke(clock.instant()));
        auditTrail.record(AuditAction.PASSWORD_CHANGED, user.getId(), user.getId(), remoteAddress, channel);
        accountMail.send(user, MailTemplate.PASSWORD_CHANGED, Map.of("name", user.getDisplayName()));
    }

    private record Redeemed(User user, AccountTokenPurpose purpose) {
    }

    /** A reset link, else an invitation link: both lead to the same page. */
    private Redeemed redeem(String secret) {
        try {
            return new Redeemed(accountTokens.redeem(secret, AccountTokenPurpose.RESET_PASSWORD), AccountTokenPurpose.RESET_PASSWORD);
        } catch (InvalidInput notAReset) {
            // not thrown out of this bean: the transaction goes on, and an invitation may match
            return new Redeemed(accountTokens.redeem(secret, AccountTokenPurpose.INVITATION), AccountTokenPurpose.INVITATION);
        }
    }
}
