package org.cloudmarket.customer.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import org.cloudmarket.identity.domain.AccountTokenPurpose;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.identity.service.AccountTokens;
import org.cloudmarket.messaging.service.Mail;
import org.cloudmarket.messaging.service.MailRequest;
import org.cloudmarket.messaging.service.MailTemplate;
import org.cloudmarket.shared.tenant.TenantContext;

/**
 * The one way a verification link is made and mailed, in the caller's transaction: a new
 * single-use link (ending the user's earlier ones) to {@code <origin>/verify-email.xhtml}.
 */
@Dependent
class VerificationMail {

    static final String PAGE = "/verify-email.xhtml?token=";

    @Inject
    private AccountTokens accountTokens;

    @Inject
    private Mail mail;

    @Inject
    private TenantContext tenantContext;

    void send(User user, Locale locale) {
        String origin = tenantContext.origin().orElseThrow(() -> new IllegalStateException("A verification link is sent from a storefront"));
        String secret = accountTokens.issue(user, AccountTokenPurpose.VERIFY_EMAIL);
        mail.send(new MailRequest(user.getEmail(), MailTemplate.VERIFY_EMAIL, locale,
                Map.of("name", user.getDisplayName(), "link", origin + PAGE + secret)));
    }
}
