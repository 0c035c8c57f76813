package org.cloudmarket.ordering.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.cloudmarket.catalog.domain.PaymentMethod;
import org.cloudmarket.catalog.domain.Plan;
import org.cloudmarket.catalog.domain.Product;
import org.cloudmarket.catalog.domain.ProductKind;
import org.cloudmarket.catalog.domain.ProductStatus;
import org.cloudmarket.catalog.domain.VendorRegistration;
import org.cloudmarket.catalog.domain.VendorStatus;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.ordering.domain.Coupon;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.tenancy.domain.Organization;
import org.cloudmarket.tenancy.domain.OrganizationKind;

/** What may be bought here, by whom, and how it is paid: every check runs before anything is written. */
@Dependent
class Eligibility {

    @Inject
    private EntityManager entityManager;

    /**
     * The plan, when this storefront sells it: a published product of an approved vendor (or the
     * storefront's own reseller), priced by the chain, on a storefront that sells. Anything else is
     * the refusal of an unknown id. A sandbox is the vendor's own plan in any state but retired.
     */
    Plan soldPlan(Long planId, Buyer buyer, boolean sandbox, User actor) {
        if (planId == null) {
            throw new InvalidInput("planId", "planId is required");
        }
        Plan plan = entityManager.find(Plan.class, planId);
        InvalidInput unknown = new InvalidInput("planId", "Plan " + planId + " is not sold on this storefront");
        if (plan == null) {
            throw unknown;
        }
        Product product = plan.getProduct();
        if (sandbox) {
            Long vendor = actor.getOrganization().map(Organization::getId).orElse(null);
            if (!product.getVendor().getId().equals(vendor) || product.getStatus() == ProductStatus.RETIRED
                    || product.getKind() == ProductKind.BUNDLE) {
                throw unknown;
            }
            return plan;
        }
        if (!buyer.storefront().getCatalogMode().sells()) {
            throw new InvalidInput("planId", buyer.storefront().getName() + " shows its catalog only: it takes no orders");
        }
        boolean vendorMaySell = product.getVendor().getKind() == OrganizationKind.RESELLER || approvedVendor(product.getVendor());
        boolean priced = product.getKind() == ProductKind.BUNDLE ? buyer.chain().bundle(plan).isPresent()
                : buyer.chain().levelPrices(plan).isPresent();
        if (product.getStatus() != ProductStatus.PUBLISHED || !vendorMaySell || !priced) {
            throw unknown;
        }
        return plan;
    }

    private boolean approvedVendor(Organization vendor) {
        return entityManager.createNamedQuery(VendorRegistration.OF_ORGANIZATION, VendorRegistration.class)
                .setParameter("organization", vendor.getId()).getResultStream()
                .anyMatch(registration -> registration.getStatus() == VendorStatus.APPROVED);
    }

    /** A coupon for one e-mail address is used by that address's organization only. */
    void requireTarget(Coupon coupon, Organization customer) {
        if (coupon.getTargetEmail().isEmpty()) {
            return;
        }
        boolean theirs = customer != null && entityManager.createQuery(
                        "SELECT COUNT(u) FROM User u WHERE u.organization.id = :org AND u.email = :email", Long.class)
                .setParameter("org", customer.getId()).setParameter("email", coupon.getTargetEmail().get()).getSingleResult() > 0;
        if (!theirs) {
            throw new InvalidInput("couponCode", "Coupon " + coupon.getCode() + " is not yours to use");
        }
    }

    /** BANK_TRANSFER unless another is asked for; it must suit the plan and the marketplace, and be implemented. */
    static PaymentMethod paymentMethod(PaymentMethod asked, Plan plan, OrderingSettings settings) {
        PaymentMethod method = asked == null ? PaymentMethod.BANK_TRANSFER : asked;
        if (!plan.getPaymentMethods().contains(method) || !settings.paymentMethods().contains(method)) {
            throw new InvalidInput("paymentMethod", method + " is not accepted for " + plan.getProduct().getName() + " " + plan.getName());
        }
        if (method != PaymentMethod.BANK_TRANSFER) {
            throw new InvalidInput("paymentMethod", method + " payments are not available yet: pay by BANK_TRANSFER");
        }
        return method;
    }
}
