package org.cloudmarket.ordering.service;

import org.cloudmarket.ordering.domain.OrderType;
import java.util.Map;

/**
 * A change of a live subscription (POST /subscriptions/{id}/changes): its order type, the new
 * quantities of prepaid extra resources (BILLING_ITEM_UPGRADE: the whole set; codes left out keep
 * their quantity, 0 gives one up), the new plan (SYNDICATED_UPGRADE), and why.
 */
public record ChangeCommand(OrderType type, Map<String, Long> extraResources, Long planId, String reason) {
}
