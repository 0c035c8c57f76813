package org.cloudmarket.batch.lifecycle;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import org.cloudmarket.billing.service.LifecycleRun;

/**
 * The lifecycle-run job's one step: the tenant and instant of its parameters, handed to {@link LifecycleRunTenant},
 * which binds the tenant on this batch thread. Its exit status says what the run did; an item that failed fails the
 * step (after every other item was decided), so the run shows FAILED and a restart tries the rest again.
 */
@Named("lifecycleRunBatchlet")
@Dependent
public class LifecycleRunBatchlet extends AbstractBatchlet {

    @Inject
    @BatchProperty
    private String tenantId;

    @Inject
    @BatchProperty
    private String at;

    @Inject
    private LifecycleRunTenant runner;

    @Override
    public String process() {
        LifecycleRun.Result result = runner.run(Long.parseLong(tenantId), Instant.parse(at));
        if (result.errors() > 0) {
            throw new IllegalStateException("Lifecycle run of tenant " + tenantId + " at " + at + ": " + result);
        }
        return result.toString();
    }
}
