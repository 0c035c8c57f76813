package org.cloudmarket.ordering.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.cloudmarket.channel.service.StorefrontPricing;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.ordering.domain.OrderSource;
import org.cloudmarket.shared.error.Forbidden;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.tenant.TenantContext;
import org.cloudmarket.tenancy.domain.Organization;
import org.cloudmarket.tenancy.domain.OrganizationKind;
import org.cloudmarket.tenancy.domain.Storefront;

/**
 * Who buys, from whom and where (DOMAIN.md, Channel customers): a customer on its seller's
 * storefront (pull), a seller for one of its own customers (push), a vendor for its own sandbox.
 */
@Dependent
class Buyers {

    @Inject
    private EntityManager entityManager;

    @Inject
    private TenantContext tenantContext;

    @Inject
    private StorefrontPricing storefrontPricing;

    Buyer buyer(User user, PlaceOrder command) {
        Organization org = user.getOrganization().orElse(null);
        if (user.getRole() == Role.CUSTOMER && org != null) {
            return pullBuyer(user, org, command);
        }
        if (user.getRole() == Role.RESELLER && org != null) {
            Organization customer = customerOf(command.customerId(), org);
            Storefront storefront = entityManager.createNamedQuery(Storefront.OF_OWNER, Storefront.class).setParameter("owner", org)
                    .getResultStream().findFirst().orElseThrow(() -> new InvalidInput("customerId", "You run no storefront to sell on"));
            return new Buyer(OrderSource.PUSH, customer, org, storefront, storefrontPricing.forOwner(org));
        }
        if (user.getRole() == Role.ADMIN) {
            return new Buyer(OrderSource.PUSH, customerOf(command.customerId(), null), null, marketplaceStorefront(),
                    storefrontPricing.forOwner(null));
        }
        throw new Forbidden("Orders are placed by customers, by resellers and the marketplace for their customers, and by vendors"
                + " for a sandbox of their own plans");
    }

    /** A customer buys on its seller's storefront only (DOMAIN.md, Channel customers), with a verified e-mail. */
    private Buyer pullBuyer(User user, Organization org, PlaceOrder command) {
        if (command.customerId() != null && !command.customerId().equals(org.getId())) {
            throw new InvalidInput("customerId", "A customer orders for itself: leave customerId out");
        }
        Storefront storefront = tenantContext.storefrontId().map(id -> entityManager.find(Storefront.class, id))
                .orElseGet(this::marketplaceStorefront);
        if (!storefront.sellsTo(org)) {
            throw new InvalidInput("customerId", "You buy on the storefront of your seller, not on " + storefront.getName());
        }
        if (!user.isEmailVerified()) {
            throw new Forbidden("Confirm your e-mail address (see the mail we sent you) before you order");
        }
        return new Buyer(OrderSource.PULL, org, storefront.getOwner().orElse(null), storefront, storefrontPricing.current());
    }

    /** A vendor's own test of its plan, at its own prices, billed to nobody. */
    Buyer sandboxer(User user, PlaceOrder command) {
        if (user.getRole() != Role.VENDOR || user.getOrganization().isEmpty()) {
            throw new InvalidInput("type", "A SANDBOX is a vendor's own test of its plan");
        }
        if (command.customerId() != null) {
            throw new InvalidInput("customerId", "A SANDBOX has no customer");
        }
        return new Buyer(OrderSource.PULL, null, null, marketplaceStorefront(), storefrontPricing.forOwner(null));
    }

    /** A seller's own customer: a reseller's under it, the tenant's under none; anyone else's is unknown. */
    private Organization customerOf(Long customerId, Organization seller) {
        if (customerId == null) {
            throw new InvalidInput("customerId", "A push order names the customer it is for");
        }
        Organization customer = entityManager.find(Organization.class, customerId);
        Long parent = customer == null ? null : customer.getParent().map(Organization::getId).orElse(null);
        boolean own = customer != null && customer.getKind() == OrganizationKind.CUSTOMER && customer.getClosedAt().isEmpty()
                && java.util.Objects.equals(parent, seller == null ? null : seller.getId());
        if (!own) {
            throw new InvalidInput("customerId", "There is no customer " + customerId + " of yours");
        }
        return customer;
    }

    Storefront marketplaceStorefront() {
        return entityManager.createNamedQuery(Storefront.OF_MARKETPLACE, Storefront.class).getSingleResult();
    }
}
