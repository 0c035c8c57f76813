package org.cloudmarket.accounts.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.Map;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.identity.service.AccountLinks;
import org.cloudmarket.messaging.service.Mail;
import org.cloudmarket.messaging.service.MailRequest;
import org.cloudmarket.messaging.service.MailTemplate;
import org.cloudmarket.shared.tenant.TenantContext;
import org.cloudmarket.tenancy.domain.Tenant;

/**
 * The mails about a user's account (invitation, reset, password changed), in the tenant's language,
 * with links to the host the request came through, or the tenant's own for staff on a custom domain (AccountLinks).
 */
@Dependent
class AccountMail {

    /** Where both invitation and reset links lead: the page sets the password for either token. */
    static final String SET_PASSWORD_PAGE = "/set-password.xhtml?token=";

    @Inject
    private Mail mail;

    @Inject
    private TenantContext tenantContext;

    @Inject
    private EntityManager entityManager;

    @Inject
    private AccountLinks accountLinks;

    void sendSetPasswordLink(User user, MailTemplate template, String secret, Map<String, String> extraValues) {
        Map<String, String> values = new HashMap<>(extraValues);
        values.put("name", user.getDisplayName());
        values.put("link", accountLinks.originFor(user) + SET_PASSWORD_PAGE + secret);
        send(user, template, values);
    }

    void send(User user, MailTemplate template, Map<String, String> values) {
        Tenant tenant = entityManager.find(Tenant.class, tenantContext.requireTenantId());
        mail.send(new MailRequest(user.getEmail(), template, tenant.getLocale(), values));
    }
}
