package org.cloudmarket.metering.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One usage reading as a vendor sends it (or a poll yields it): the vendor's own id (a reading sent twice counts
 * once), the subscription, the metric's code, the value and when it was read. Fields are as sent: null where the
 * client left them out; the intake refuses such a reading with its reason, not the batch.
 */
public record Reading(String id, Long subscriptionId, String metric, BigDecimal value, Instant at) {
}
