package org.cloudmarket.customer.service;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import org.cloudmarket.identity.domain.AccountTokenPurpose;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.identity.service.AccountTokens;
import org.cloudmarket.identity.service.Caller;
import org.cloudmarket.shared.tenant.TenantContext;
import org.cloudmarket.tenancy.service.Storefronts;

/**
 * E-mail verification: the link of the verification mail, followed once before it expires
 * (AccountTokens), marks the address verified; until then a customer signs in but does not buy,
 * and may ask for a new link, which ends the earlier ones.
 */
@Stateless
@PermitAll
public class EmailVerifications {

    @Inject
    private AccountTokens accountTokens;

    @Inject
    private Caller caller;

    @Inject
    private VerificationMail verificationMail;

    @Inject
    private TenantContext tenantContext;

    @Inject
    private Storefronts storefronts;

    @Inject
    private Clock clock;

    /** Refused with InvalidInput on {@code token} when the link is unknown, used or expired. */
    public void verify(String token) {
        accountTokens.redeem(token, AccountTokenPurpose.VERIFY_EMAIL).verifyEmail(clock.instant());
    }

    /** Whether the signed-in customer has still to verify its e-mail (false for everyone else). */
    public boolean pendingForCaller() {
        return caller.current().map(user -> user.getRole() == Role.CUSTOMER && !user.isEmailVerified()).orElse(false);
    }

    /** A new verification link for the signed-in customer, unless its e-mail is verified already. */
    @RolesAllowed(Role.Names.CUSTOMER)
    public void sendNewLink() {
        User user = caller.user();
        if (user.isEmailVerified()) {
            return;
        }
        verificationMail.send(user, storefronts.view(tenantContext.storefrontId().orElseThrow()).locale());
    }
}
