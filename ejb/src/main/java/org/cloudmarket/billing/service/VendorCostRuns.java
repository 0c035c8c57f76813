package org.cloudmarket.billing.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.YearMonth;
import java.util.List;
import org.cloudmarket.identity.domain.Role;

/**
 * The tenant ADMIN's own start of a month's vendor costs ({@code POST /vendor-costs}), beside the schedule's: the same
 * {@link VendorCosts#invoiceMonth}, so a repeated call adds nothing.
 */
@Stateless
@RolesAllowed(Role.Names.ADMIN)
public class VendorCostRuns {

    @Inject
    private VendorCosts vendorCosts;

    public List<InvoiceView> invoiceMonth(YearMonth month) {
        return vendorCosts.invoiceMonth(month).stream().map(invoice -> InvoiceView.of(invoice, true)).toList();
    }
}
