package org.cloudmarket.customer.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.identity.service.AccountLinks;
import org.cloudmarket.messaging.service.Mail;
import org.cloudmarket.messaging.service.MailRequest;
import org.cloudmarket.messaging.service.MailTemplate;
import org.cloudmarket.shared.error.Forbidden;
import org.cloudmarket.shared.tenant.TenantContext;
import org.cloudmarket.tenancy.domain.BillingDetails;
import org.cloudmarket.tenancy.domain.Organization;
import org.cloudmarket.tenancy.domain.OrganizationKind;
import org.cloudmarket.tenancy.domain.Storefront;
import org.cloudmarket.tenancy.domain.Tenant;

/**
 * Writes a sign-up whose input SignUps has checked and whose password it has hashed, in one
 * transaction: the customer organization, its user, the verification link and its mail, or only
 * the mail to an existing account's owner. Not a session bean, and invisible outside its package:
 * no request reaches it but through SignUps.
 */
@Dependent
@Transactional
class SignUpWriter {

    /** The platform's host serves the operator, not a marketplace: nobody is a customer there. */
    static final String PLATFORMS_STOREFRONT =
            "This is the platform's own site, which has no customers: sign up on a marketplace's storefront";

    static final String DISTRIBUTORS_STOREFRONT =
            "This storefront is a distributor's, which has no customers of its own: sign up on one of its resellers' storefronts";

    @Inject
    private EntityManager entityManager;

    @Inject
    private TenantContext tenantContext;

    @Inject
    private VerificationMail verificationMail;

    @Inject
    private AccountLinks accountLinks; // staff's sign-in link never points at a custom domain

    @Inject
    private Mail mail;

    @Inject
    private CustomerNames customerNames;

    @Inject
    private Clock clock;

    SignUpTerms terms() {
        Storefront storefront = storefront();
        String refusal = refusal(storefront);
        return new SignUpTerms(refusal == null, refusal, storefront.details().checkoutTerms());
    }

    void write(String email, String passwordHash, BillingDetails details) {
        Storefront storefront = storefront();
        String refusal = refusal(storefront);
        if (refusal != null) {
            throw new Forbidden(refusal);
        }
        Optional<User> existing = entityManager.createNamedQuery(User.BY_EMAIL, User.class).setParameter("email", email)
                .getResultStream().findFirst();
        if (existing.isPresent()) {
            mail.send(new MailRequest(email, MailTemplate.ACCOUNT_EXISTS, storefront.getLocale(),
                    Map.of("name", existing.get().getDisplayName(), "link", accountLinks.originFor(existing.get()) + "/login.xhtml")));
            return;
        }
        Instant now = clock.instant();
        Organization customer = seller(storefront)
                .map(reseller -> Organization.under(reseller, OrganizationKind.CUSTOMER, customerNames.free(details.getLegalName(), null), now))
                .orElseGet(() -> Organization.underTenant(OrganizationKind.CUSTOMER, customerNames.free(details.getLegalName(), null), now));
        customer.changeBillingDetails(details);
        entityManager.persist(customer);
        User user = new User(email, details.getLegalName(), Role.CUSTOMER, customer, passwordHash, now);
        entityManager.persist(user);
        entityManager.flush();
        verificationMail.send(user, storefront.getLocale());
    }

    /** Why nobody signs up on this storefront, or null where customers do. */
    private String refusal(Storefront storefront) {
        if (entityManager.find(Tenant.class, tenantContext.requireTenantId()).isPlatform()) {
            return PLATFORMS_STOREFRONT;
        }
        return storefront.getOwner().isPresent() && seller(storefront).isEmpty() ? DISTRIBUTORS_STOREFRONT : null;
    }

    private Storefront storefront() {
        long id = tenantContext.storefrontId().orElseThrow(() -> new IllegalStateException("A sign-up comes through a storefront"));
        return entityManager.find(Storefront.class, id);
    }

    /** The reseller whose customers sign up here; empty on the marketplace's own storefront and a distributor's. */
    private static Optional<Organization> seller(Storefront storefront) {
        return storefront.getOwner().filter(owner -> owner.getKind() == OrganizationKind.RESELLER);
    }
}
