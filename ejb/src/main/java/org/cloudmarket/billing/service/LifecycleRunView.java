package org.cloudmarket.billing.service;

import jakarta.batch.runtime.JobExecution;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;

/** A lifecycle run as the API shows it: the job execution's id, its instant, status, exit status (what it did) and times. */
public record LifecycleRunView(long id, Instant at, String status, String exitStatus, Instant startedAt, Instant endedAt) {

    static LifecycleRunView of(JobExecution execution, Properties parameters) {
        return new LifecycleRunView(execution.getExecutionId(), Instant.parse(parameters.getProperty(LifecycleJobs.AT)),
                execution.getBatchStatus().name(), execution.getExitStatus(), instant(execution.getStartTime()), instant(execution.getEndTime()));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
