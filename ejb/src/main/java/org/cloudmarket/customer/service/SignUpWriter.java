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

/**
 * Writes a sign-up whose input SignUps has checked and whose password it has hashed, in one
 * transaction: the customer organization, its user, the verification link and its mail, or only
 * the mail to an existing account's owner. Not a session bean, and invisible outside its package:
 * no request reaches it but through SignUps.
 */
@Dependent
@Transactional
class SignUpWriter {

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
    private Clock clock;

    SignUpTerms terms() {
        Storefront storefront = storefront();
        boolean open = seller(storefront).isPresent() || storefront.getOwner().isEmpty();
        return new SignUpTerms(open, open ? null : DISTRIBUTORS_STOREFRONT, storefront.details().checkoutTerms());
    }

    void write(String email, String passwordHash, BillingDetails details) {
        Storefront storefront = storefront();
        if (storefront.getOwner().isPresent() && seller(storefront).isEmpty()) {
            throw new Forbidden(DISTRIBUTORS_STOREFRONT);
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
                .map(reseller -> Organization.under(reseller, OrganizationKind.CUSTOMER, freeName(details.getLegalName()), now))
                .orElseGet(() -> Organization.underTenant(OrganizationKind.CUSTOMER, freeName(details.getLegalName()), now));
        customer.changeBillingDetails(details);
        entityManager.persist(customer);
        User user = new User(email, details.getLegalName(), Role.CUSTOMER, customer, passwordHash, now);
        entityManager.persist(user);
        entityManager.flush();
        verificationMail.send(user, storefront.getLocale());
    }

    private Storefront storefront() {
        long id = tenantContext.storefrontId().orElseThrow(() -> new IllegalStateException("A sign-up comes through a storefront"));
        return entityManager.find(Storefront.class, id);
    }

    /** The reseller whose customers sign up here; empty on the marketplace's own storefront and a distributor's. */
    private static Optional<Organization> seller(Storefront storefront) {
        return storefront.getOwner().filter(owner -> owner.getKind() == OrganizationKind.RESELLER);
    }

    /**
     * Organization names are unique per kind in a tenant, legal names are not (two people named
     * Mario Rossi): the second gets "Mario Rossi (2)", which tells it nothing about the first.
     */
    private String freeName(String legalName) {
        String base = legalName.length() > 190 ? legalName.substring(0, 190).strip() : legalName;
        String candidate = legalName;
        for (int n = 2; taken(candidate); n++) {
            candidate = base + " (" + n + ")";
        }
        return candidate;
    }

    private boolean taken(String name) {
        return entityManager.createQuery("SELECT COUNT(o) FROM Organization o WHERE o.kind = :kind AND o.name = :name", Long.class)
                .setParameter("kind", OrganizationKind.CUSTOMER).setParameter("name", name).getSingleResult() > 0;
    }
}
