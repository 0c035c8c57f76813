package org.cloudmarket.customer.service;

import java.time.Instant;
import java.util.List;
import org.cloudmarket.tenancy.domain.PartyKind;
import org.cloudmarket.tenancy.service.BillingDetailsView;

/**
 * A customer as its viewer may see it: billing details and users only for those who see personal
 * data (CustomerVisibility); name null when withheld (a person, for a distributor). The seller is
 * the reseller it buys from, or none when it buys from the marketplace itself.
 */
public record CustomerView(long id, String name, PartyKind kind, Long resellerId, String resellerName,
                           Instant createdAt, Instant closedAt, BillingDetailsView billingDetails,
                           List<CustomerUserView> users) {

    /** A user of the customer, never its password hash. */
    public record CustomerUserView(long id, String email, String displayName, boolean enabled) {
    }
}
