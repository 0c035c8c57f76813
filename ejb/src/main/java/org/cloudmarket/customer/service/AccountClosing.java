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
import org.cloudmarket.identity.service.SignedInUser;
import org.cloudmarket.ordering.domain.Coupon;
import org.cloudmarket.shared.error.Forbidden;
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

    /**
     * {@code current} is the web layer's record of the sign-in: while staff act as the customer,
     * the closing is audited as the staff member's (who is really at the keyboard).
     */
    public void close(long id, SignedInUser current, String remoteAddress, AuditEntry.Channel channel) {
        User person = caller.person();
        if (current.userId() != person.getId()) {
            throw new Forbidden("The sign-in does not match the caller");
        }
        Organization customer = customers.requiring(id, Access::mayClose, "Only the customer itself or the admin closes an account")
                .customer();
        if (customer.getClosedAt().isPresent()) {
            throw new Conflict("This account is already closed");
        }
        long actorId = current.isImpersonated() ? current.impersonatorId() : person.getId();
        Instant now = clock.instant();
        List<User> users = customers.users(customer);
        CoreCustomerSections.messages(entityManager, customer, users).forEach(entityManager::remove);
        Tenant tenant = entityManager.find(Tenant.class, tenantContext.requireTenantId());
        forgetAddresses(users);
        mail.eraseUndelivered(users.stream().map(User::getEmail).toList()); // mail waiting for them goes; ACCOUNT_CLOSED below is sent
        for (User user : users) {
            String email = user.getEmail();
            mail.send(new MailRequest(user.getEmail(), MailTemplate.ACCOUNT_CLOSED, tenant.getLocale(),
                    Map.of("name", user.getDisplayName())));
            endCredentials(user, now);
            user.anonymise(CLOSED);
            retargetCoupons(email, user.getEmail());
            entityManager.persist(new AuditEntry(now, AuditAction.ACCOUNT_CLOSED, actorId, user.getId(), remoteAddress, channel));
        }
        customer.close(now);
    }

    /** The IP addresses its users' actions were audited with are personal data: they go (the lines stay). */
    private void forgetAddresses(List<User> users) {
        if (users.isEmpty()) {
            return;
        }
        entityManager.createQuery("SELECT a FROM AuditEntry a WHERE a.actorId IN :users", AuditEntry.class)
                .setParameter("users", users.stream().map(User::getId).toList())
                .getResultStream().forEach(AuditEntry::forgetRemoteAddress);
    }

    /** A coupon meant for the user keeps being meant for nobody else: it names the closed account's placeholder address. */
    private void retargetCoupons(String email, String closedAddress) {
        entityManager.createQuery("SELECT c FROM Coupon c WHERE c.targetEmail = :email", Coupon.class)
                .setParameter("email", email).getResultStream().forEach(coupon -> coupon.retarget(closedAddress));
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
