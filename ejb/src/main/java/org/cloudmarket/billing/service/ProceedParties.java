package org.cloudmarket.billing.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.cloudmarket.billing.domain.Proceed;
import org.cloudmarket.subscription.domain.Subscription;
import org.cloudmarket.tenancy.domain.Organization;
import org.cloudmarket.tenancy.domain.OrganizationKind;

/**
 * Who a proceed's money flows between (DOMAIN.md, Who collects): the customer, the seller (the issuer), the vendor,
 * and for the payouts up the chain the reseller when a reseller sells and the distributor above it (or the
 * distributor when it sells itself). One rule for a period's proceeds and a change's proration pair.
 */
@Dependent
class ProceedParties {

    @Inject
    private EntityManager entityManager;

    Proceed.Parties of(Subscription subscription, long orderId, long planId) {
        Organization seller = subscription.getSellerId().map(id -> entityManager.find(Organization.class, id)).orElse(null);
        Long resellerId = seller != null && seller.getKind() == OrganizationKind.RESELLER ? seller.getId() : null;
        Long distributorId = seller == null ? null : seller.getKind() == OrganizationKind.DISTRIBUTOR ? seller.getId()
                : seller.getParent().filter(parent -> parent.getKind() == OrganizationKind.DISTRIBUTOR).map(Organization::getId).orElse(null);
        return new Proceed.Parties(subscription.getId(), orderId, subscription.getCustomerId().orElse(null),
                subscription.getSellerId().orElse(null), subscription.getVendorId(), distributorId, resellerId, planId);
    }
}
