package org.cloudmarket.billing.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.cloudmarket.billing.domain.BillingRunStatus;

/** A billing run as the API shows it (BILLING-CONTRACT): progress from the job's writes, errors per subscription. */
public record BillingRunView(long id, Instant at, BillingRunStatus status, int itemsTotal, int itemsDone, List<ErrorView> errors,
                             Instant startedAt, Instant endedAt, Long durationSeconds) {

    /** What could not be billed for one subscription (null: the run's own failure, such as an invoice group). */
    public record ErrorView(Long subscriptionId, String message) {
    }

    static BillingRunView of(BillingRunRows.Run run, List<ErrorView> errors, Instant now) {
        Instant end = run.endedAt() == null ? now : run.endedAt();
        return new BillingRunView(run.id(), run.at(), run.status(), run.itemsTotal(), run.itemsDone(), errors, run.startedAt(),
                run.endedAt(), Duration.between(run.startedAt(), end).toSeconds());
    }
}
