package org.cloudmarket.metering.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.identity.service.Caller;
import org.cloudmarket.metering.domain.MeteredSubscription;
import org.cloudmarket.metering.domain.Reading;
import org.cloudmarket.metering.domain.ReadingResult;
import org.cloudmarket.metering.domain.ReadingSource;
import org.cloudmarket.pricing.BillingUnit;
import org.cloudmarket.shared.error.Forbidden;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.subscription.domain.DeploymentStatus;
import org.cloudmarket.subscription.domain.PriceSnapshot;
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
    private static final String SUBSCRIPTIONS = "SELECT s.id, s.vendorId, s.planId, s.deploymentStatus, s.createdAt, s.trialEndsAt, s.endsAt,"
            + " s.anchorAt, FUNCTION('JSON_VALUE', s.prices, '" + PriceSnapshot.SELL_OUT_UNIT + "'),"
            + " FUNCTION('JSON_VALUE', s.prices, '" + PriceSnapshot.SELL_OUT_FREQUENCY + "') FROM Subscription s WHERE s.id IN :ids";

    @Inject
    private Caller caller;

    @Inject
    private EntityManager entityManager;

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
     * The batch's subscriptions of this tenant (the tenant filter hides the others'), as much of them as keeping readings
     * needs: the database picks the billing unit and frequency out of the price snapshot, whose JSON is most of a
     * subscription's row and, read whole for every batch and parsed, was half the intake's cost (issue 12, "Performance").
     */
    private List<MeteredSubscription> subscriptions(List<Reading> readings) {
        List<Long> ids = readings.stream().map(Reading::subscriptionId).filter(Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return entityManager.createQuery(SUBSCRIPTIONS, Object[].class).setParameter("ids", ids).getResultList().stream()
                .map(UsageIntake::metered).toList();
    }

    private static MeteredSubscription metered(Object[] row) {
        if (row[8] == null || row[9] == null) {
            throw new IllegalStateException("The price snapshot of subscription " + row[0] + " names no billing unit or frequency");
        }
        return new MeteredSubscription((Long) row[0], (Long) row[1], (Long) row[2], (DeploymentStatus) row[3], (Instant) row[4],
                Optional.ofNullable((Instant) row[5]), (Instant) row[6], (Instant) row[7], BillingUnit.valueOf(row[8].toString()),
                Integer.parseInt(row[9].toString()));
    }
}
