package org.cloudmarket.metering.service;

import java.time.Instant;
import org.cloudmarket.catalog.domain.PollFrequency;

/** A metric_poll row that is due: what to poll, for which slot, how often it has failed for that slot. */
record DuePoll(long subscriptionId, long metricId, long vendorId, Instant slot, int attempts, String endpoint, PollFrequency frequency,
               String metricCode) {

    /**
     * The reading's id: the same for every attempt of a slot, so that a retried slot counts once. It names the
     * subscription too: the metric is its plan's, shared by every subscription of the plan, and the key of a reading
     * is (tenant, vendor, id).
     */
    String readingId() {
        return "poll:" + subscriptionId + ":" + metricId + ":" + slot.getEpochSecond();
    }
}
