package org.cloudmarket.billing.service;

import java.time.Instant;

/**
 * A lifecycle run as the API shows it: the job execution's id, its instant, status, exit status (what it did) and times
 * (null while not started or not ended); the batch module reads them from its job execution (LifecycleJobs).
 */
public record LifecycleRunView(long id, Instant at, String status, String exitStatus, Instant startedAt, Instant endedAt) {
}
