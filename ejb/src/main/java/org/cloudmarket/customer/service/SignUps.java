package org.cloudmarket.customer.service;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.cloudmarket.identity.domain.PasswordHasher;
import org.cloudmarket.identity.domain.PasswordPolicy;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.identity.service.HashingPermits;
import org.cloudmarket.identity.service.MailThrottle;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.tenancy.domain.BillingDetails;
import org.cloudmarket.tenancy.domain.BillingDetailsRules;

/**
 * A visitor becomes a customer of the storefront it signs up on: of its reseller, or of the tenant
 * on the marketplace's own storefront (DOMAIN, "Channel customers"). Everything is checked before
 * anything is looked up, then the password is hashed (outside any transaction, with at most a few
 * hashes at once) whether or not the e-mail already has an account, so that neither the answer
 * nor its time tells an e-mail's owner apart: a known e-mail only gets a mail saying so. Each
 * sign-up mails an address, so sign-ups count in the MailThrottle as resets do: beyond it the
 * answer is the same and nothing is written or sent.
 */
@Stateless
@PermitAll
public class SignUps {

    private final PasswordHasher passwordHasher = new PasswordHasher();

    @Inject
    private SignUpWriter writer;

    @Inject
    private HashingPermits hashing;

    @Inject
    private MailThrottle mailThrottle;

    /** Whether this storefront takes sign-ups, and its terms. */
    public SignUpTerms terms() {
        return writer.terms();
    }

    /** Accepted: a new, unverified customer with its verification mail, or a mail to the e-mail's owner. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void signUp(SignUpRequest request, String clientAddress) {
        if (request == null) {
            throw new InvalidInput("body", "Send the sign-up as a JSON body");
        }
        BillingDetails details = BillingDetailsRules.customer(request.billingDetails());
        String email = User.email(request.email()); // the platform's one rule, before any work is done
        String password = PasswordPolicy.check(request.password());
        if (!Boolean.TRUE.equals(request.acceptTerms())) {
            throw new InvalidInput("acceptTerms", "Accept the storefront's terms to sign up");
        }
        String[] hash = new String[1];
        hashing.check(() -> {
            hash[0] = passwordHasher.hash(password);
            return true;
        });
        if (mailThrottle.allows(email, clientAddress)) {
            writer.write(email, hash[0], details);
        }
    }
}
