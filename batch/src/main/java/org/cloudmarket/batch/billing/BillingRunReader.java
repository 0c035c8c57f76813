package org.cloudmarket.batch.billing;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import org.cloudmarket.billing.service.BillingRunWork;
import org.cloudmarket.billing.service.DueSubscription;
import org.cloudmarket.billing.service.RunTenant;

/**
 * A partition's keyset reader: the next page of its id range after the last id read (with the page's proceed keys, in
 * one query each), handed out one subscription at a time. Its checkpoint is the last id read, so a restart goes on
 * after the last committed chunk.
 */
@Named("billingRunReader")
public class BillingRunReader extends AbstractItemReader {

    @Inject
    @BatchProperty
    private String tenantId;

    @Inject
    @BatchProperty
    private String afterId;

    @Inject
    @BatchProperty
    private String lastId;

    @Inject
    @BatchProperty
    private String pageSize;

    @EJB
    private BillingRunWork work;

    private final Deque<DueSubscription> page = new ArrayDeque<>();
    private long last;
    private boolean exhausted;

    private RunTenant tenant;

    @Override
    public void open(Serializable checkpoint) {
        last = checkpoint != null ? (Long) checkpoint : Long.parseLong(afterId);
        tenant = work.tenant(Long.parseLong(tenantId)); // once per partition
    }

    @Override
    public Object readItem() {
        if (page.isEmpty() && !exhausted) {
            int limit = Integer.parseInt(pageSize);
            page.addAll(work.page(Long.parseLong(tenantId), tenant, new BillingRunWork.IdRange(last, Long.parseLong(lastId)), limit));
            exhausted = page.size() < limit;
        }
        DueSubscription next = page.poll();
        if (next != null) {
            last = next.id();
        }
        return next;
    }

    @Override
    public Serializable checkpointInfo() {
        return last;
    }
}
