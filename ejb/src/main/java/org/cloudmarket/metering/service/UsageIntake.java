package org.cloudmarket.metering.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.identity.service.Caller;
import org.cloudmarket.metering.domain.MeteredSubscription;
import org.cloudmarket.metering.domain.Reading;
import org.cloudmarket.metering.domain.ReadingResult;
import org.cloudmarket.metering.domain.ReadingSource;
import org.cloudmarket.shared.error.Forbidden;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.tenancy.domain.Organization;
import org.cloudmarket.tenancy.domain.OrganizationKind;

/**
 * Takes a batch of pushed readings for the caller (issue 12, "Usage in"): a vendor's user or API key sends for the
 * subscriptions of its own products (another vendor's is refused NOT_YOUR_SUBSCRIPTION, and another tenant's does not
 * exist here), the tenant's staff for any; every other caller is refused. One answer per reading, in the order sent;
 * one bad reading never drops the good ones beside it.
 */
@Stateless
@RolesAllowed({Role.Names.VENDOR, Role.Names.ADMIN, Role.Names.SUPERVISOR})
public class UsageIntake {

    public static final int MAX_BATCH = 1000;

    @Inject
    private Caller caller;

    @Inject
    private MeteredSubscriptions meteredSubscriptions;

    @Inject
    private ReadingStore store;

    public List<ReadingResult> take(List<Reading> readings) {
        if (readings == null || readings.isEmpty() || readings.size() > MAX_BATCH) {
            throw new InvalidInput("readings", "A batch holds 1 to " + MAX_BATCH + " readings");
        }
        if (readings.stream().anyMatch(Objects::isNull)) {
            throw new InvalidInput("readings", "A batch holds readings, not nulls");
        }
        Long vendorId = senderVendor(caller.user());
        Map<Long, MeteredSubscription> known = new HashMap<>();
        Set<Long> notYours = new HashSet<>();
        for (MeteredSubscription subscription : subscriptions(readings)) {
            if (vendorId == null || vendorId == subscription.vendorId()) {
                known.put(subscription.id(), subscription);
            } else {
                notYours.add(subscription.id());
            }
        }
        return store.store(readings, ReadingSource.PUSH, known, notYours, vendorId);
    }

    /** The vendor organization the caller sends for; null for the tenant's staff, who send for any. */
    private static Long senderVendor(User user) {
        if (user.getRole().isTenantStaff()) {
            return null;
        }
        Organization organization = user.getOrganization().orElse(null);
        if (user.getRole() != Role.VENDOR || organization == null || organization.getKind() != OrganizationKind.VENDOR) {
            throw new Forbidden("Only a vendor or the marketplace's staff sends usage");
        }
        return organization.getId();
    }

    /**
     * The batch's subscriptions of this tenant, locked in share mode until the batch commits (MeteredSubscriptions): their
     * plan is the one in force when the readings are written.
     */
    private List<MeteredSubscription> subscriptions(List<Reading> readings) {
        return meteredSubscriptions.locked(readings.stream().map(Reading::subscriptionId).filter(Objects::nonNull).distinct().toList());
    }
}
