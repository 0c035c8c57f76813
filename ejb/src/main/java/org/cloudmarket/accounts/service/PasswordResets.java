package org.cloudmarket.accounts.service;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.Map;
import org.cloudmarket.identity.domain.AccountTokenPurpose;
import org.cloudmarket.identity.domain.ApiKey;
import org.cloudmarket.identity.domain.AuditAction;
import org.cloudmarket.identity.domain.AuditEntry.Channel;
import org.cloudmarket.identity.domain.PasswordHasher;
import org.cloudmarket.identity.domain.PasswordPolicy;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.identity.service.AccountTokens;
import org.cloudmarket.identity.service.AccountLinks;
import org.cloudmarket.identity.service.ApiTokens;
import org.cloudmarket.identity.service.MailThrottle;
import org.cloudmarket.identity.service.AuditTrail;
import org.cloudmarket.messaging.service.MailTemplate;
import org.cloudmarket.shared.error.InvalidInput;

/**
 * Forgotten passwords and first passwords: a reset link by mail, and setting a password with a
 * reset or invitation link. Asking reveals nothing (the same answer for every e-mail, throttled or
 * not); setting one ends every session and API token of the user, every impersonation it runs, and
 * its other unused links. On a custom domain only a customer's link sets a password
 * (Role#signsInOnCustomDomains): everyone else's links point at the tenant's own sub-domain.
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
    private ApiTokens apiTokens;

    @Inject
    private MailThrottle mailThrottle;

    @Inject
    private AccountLinks accountLinks;

    @Inject
    private Clock clock;

    /**
     * Mails a reset link to an enabled user with this e-mail; answers nothing either way. A few per
     * e-mail and per client address in a window (MailThrottle): the rest send nothing, so nobody can
     * flood a mailbox or keep killing its latest link.
     */
    public void request(String email, String clientAddress) {
        if (!mailThrottle.allows(User.normalizeEmail(email), clientAddress)) {
            return;
        }
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
        if (!user.isEnabled() || !accountLinks.mayUseLinksHere(user)) {
            throw new InvalidInput("token", AccountTokens.UNUSABLE); // thrown out of this bean: the link stays unused
        }
        if (redeemed.purpose() == AccountTokenPurpose.INVITATION) {
            user.verifyEmail(clock.instant());
        }
        user.changePasswordHash(passwordHasher.hash(password)); // raises the credentials version: sessions end
        apiTokens.revokeEveryTokenOf(user);
        // one password set ends both kinds of link: an old invitation must not set another one later
        accountTokens.endUnused(user, AccountTokenPurpose.RESET_PASSWORD);
        accountTokens.endUnused(user, AccountTokenPurpose.INVITATION);
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
