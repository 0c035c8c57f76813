package org.cloudmarket.subscription.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cloudmarket.subscription.domain.DeploymentStatus;
import org.cloudmarket.subscription.domain.SubscriptionType;

/**
 * A subscription as the API shows it, with its changelog. For a caller that does not see buyer
 * details (a vendor, a distributor: {@code PartyScope.seesBuyerDetails}) the customer and the users who
 * changed it are left out (null).
 */
public record SubscriptionView(long id, SubscriptionType type, DeploymentStatus deploymentStatus, long productId, String productName,
                               long planId, String planName, Long customerId, Long sellerId, String currency,
                               Map<String, Long> extraResources, Map<String, Long> nextExtraResources, Long nextPlanId,
                               Instant periodStart, Instant periodEnd, Instant endsAt, boolean autoRenew, Instant trialEndsAt,
                               boolean paid, long orderId, Long bundleOrderId, List<ChangelogEntry> changelog) {

    /** One changelog line: when, by whom (a user id; null for the platform itself or when withheld), what, from, to, why, which order. */
    public record ChangelogEntry(Instant at, Long by, String what, String from, String to, String reason, Long orderId) {
    }
}
