package org.cloudmarket.batch.billing;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Properties;
import org.cloudmarket.billing.service.BillingRunWork;

/**
 * The proceeds step's partitions: id ranges of the run's tenant's billable subscriptions (up to {@code partitions} of
 * at least {@code minSize} each), one thread each. Each partition carries its tenant, instant and run in its own
 * properties: its artifacts bind that tenant explicitly, never a request's. Counting them sets the run's items total.
 */
@Named("billingPartitions")
public class BillingPartitions implements PartitionMapper {

    @Inject
    @BatchProperty
    private String tenantId;

    @Inject
    @BatchProperty
    private String runId;

    @Inject
    @BatchProperty
    private String at;

    @Inject
    @BatchProperty
    private String partitions;

    @Inject
    @BatchProperty
    private String minSize;

    @EJB
    private BillingRunWork work;

    @Override
    public PartitionPlan mapPartitions() {
        List<BillingRunWork.IdRange> ranges = work.partitions(Long.parseLong(tenantId), Long.parseLong(runId), Integer.parseInt(partitions),
                Integer.parseInt(minSize));
        Properties[] each = new Properties[ranges.size()];
        for (int i = 0; i < ranges.size(); i++) {
            Properties partition = new Properties();
            partition.setProperty("tenantId", tenantId);
            partition.setProperty("runId", runId);
            partition.setProperty("at", at);
            partition.setProperty("afterId", Long.toString(ranges.get(i).afterId()));
            partition.setProperty("lastId", Long.toString(ranges.get(i).lastId()));
            each[i] = partition;
        }
        PartitionPlanImpl plan = new PartitionPlanImpl();
        plan.setPartitions(each.length);
        plan.setThreads(each.length);
        plan.setPartitionProperties(each);
        return plan;
    }
}
