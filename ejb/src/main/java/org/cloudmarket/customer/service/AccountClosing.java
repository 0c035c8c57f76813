package org.cloudmarket.customer.service;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cloudmarket.customer.domain.CustomerVisibility.Access;
import org.cloudmarket.identity.domain.AccountToken;
import org.cloudmarket.identity.domain.AccountTokenPurpose;
import org.cloudmarket.identity.domain.ApiToken;
import org.cloudmarket.identity.domain.AuditAction;
import org.cloudmarket.identity.domain.AuditEntry;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.identity.service.Caller;
import org.cloudmarket.messaging.service.Mail;
import org.cloudmarket.messaging.service.MailRequest;
import org.cloudmarket.messaging.service.MailTemplate;
import org.cloudmarket.shared.error.Conflict;
import org.cloudmarket.shared.tenant.TenantContext;
import org.cloudmarket.tenancy.domain.Organization;
import org.cloudmarket.tenancy.domain.Tenant;

/**
 * A customer closes its account (or the admin closes it), in one transaction: what the law keeps
 * stays (issued invoices carry their own copy of the billing details, so nothing of them is lost
 * here), personal data beyond it goes. Each user is told by mail before its address is erased,
 * then anonymised and disabled, its API tokens and mailed links end; the messages go; the
 * organization stays as a nameless shell with its closing time; every user's closing is audited.
 * A reseller cannot close its customer's account (CustomerVisibility).
 */
@Stateless
@PermitAll
public class AccountClosing {

    /** No hash the hasher can ever match: the account never signs in again. */
    static final String CLOSED = "!closed";

    @Inject
    private EntityManager entityManager;

    @Inject
    private Customers customers;

    @Inject
    private Caller caller;

    @Inject
    private Mail mail;

    @Inject
    private TenantContext tenantContext;

    @Inject
    private Clock clock;

    public void close(long id, String remoteAddress, AuditEntry.Channel channel) {
        Organization customer = customers.requiring(id, Access::mayClose, "Only the customer itself or the admin closes an account")
                .customer();
        if (customer.getClosedAt().isPresent()) {
            throw new Conflict("This account is already closed");
        }
        long actorId = caller.userId();
        Instant now = clock.instant();
        List<User> users = customers.users(customer);
        CoreCustomerSections.messages(entityManager, customer, users).forEach(entityManager::remove);
        Tenant tenant = entityManager.find(Tenant.class, tenantContext.requireTenantId());
        mail.eraseUndelivered(users.stream().map(User::getEmail).toList()); // mail waiting for them goes; ACCOUNT_CLOSED below is sent
        for (User user : users) {
            mail.send(new MailRequest(user.getEmail(), MailTemplate.ACCOUNT_CLOSED, tenant.getLocale(),
                    Map.of("name", user.getDisplayName())));
            endCredentials(user, now);
            user.anonymise(CLOSED);
            entityManager.persist(new AuditEntry(now, AuditAction.ACCOUNT_CLOSED, actorId, user.getId(), remoteAddress, channel));
        }
        customer.close(now);
    }

    private void endCredentials(User user, Instant now) {
        entityManager.createQuery("SELECT t FROM ApiToken t WHERE t.user = :user", ApiToken.class)
                .setParameter("user", user).getResultStream().forEach(token -> token.revoke(now));
        for (AccountTokenPurpose purpose : AccountTokenPurpose.values()) {
            entityManager.createNamedQuery(AccountToken.UNUSED_OF_USER, AccountToken.class)
                    .setParameter("user", user).setParameter("purpose", purpose)
                    .getResultStream().forEach(token -> token.use(now));
        }
    }
}
