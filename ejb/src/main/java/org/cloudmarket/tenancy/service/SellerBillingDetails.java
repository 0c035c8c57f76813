package org.cloudmarket.tenancy.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.identity.service.Caller;
import org.cloudmarket.shared.error.NotFound;
import org.cloudmarket.shared.tenant.TenantContext;
import org.cloudmarket.tenancy.domain.BillingDetails;
import org.cloudmarket.tenancy.domain.BillingDetailsInput;
import org.cloudmarket.tenancy.domain.BillingDetailsRules;
import org.cloudmarket.tenancy.domain.Tenant;

/**
 * The billing details a seller's or vendor's invoices and statements carry: the caller's own
 * organization's (vendor, distributor, reseller), or the marketplace owner's for its staff (the
 * admin edits them, a supervisor reads them). A customer's are on its customer record.
 */
@Stateless
public class SellerBillingDetails {

    @Inject
    private EntityManager entityManager;

    @Inject
    private Caller caller;

    @Inject
    private TenantContext tenantContext;

    @RolesAllowed({Role.Names.ADMIN, Role.Names.SUPERVISOR, Role.Names.VENDOR, Role.Names.DISTRIBUTOR, Role.Names.RESELLER})
    public BillingDetailsView get() {
        User user = caller.user();
        return (user.getRole().isTenantStaff() ? tenant().getBillingDetails() : caller.organization().getBillingDetails())
                .map(BillingDetailsView::of)
                .orElseThrow(() -> new NotFound("No billing details were given yet"));
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.VENDOR, Role.Names.DISTRIBUTOR, Role.Names.RESELLER})
    public BillingDetailsView change(BillingDetailsInput input) {
        BillingDetails details = BillingDetailsRules.seller(input);
        if (caller.user().getRole().isTenantStaff()) {
            tenant().changeBillingDetails(details);
        } else {
            caller.organization().changeBillingDetails(details);
        }
        return BillingDetailsView.of(details);
    }

    private Tenant tenant() {
        return entityManager.find(Tenant.class, tenantContext.requireTenantId());
    }
}
