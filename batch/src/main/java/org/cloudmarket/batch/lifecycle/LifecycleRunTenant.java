package org.cloudmarket.batch.lifecycle;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import org.cloudmarket.billing.service.LifecycleRun;
import org.cloudmarket.shared.tenant.TenantContext;

/**
 * Runs {@link LifecycleRun} as the given tenant on the batch thread: the tenant is bound explicitly (TenantContext.callAs,
 * DESIGN.md), never taken from a request. A session bean, so that its call has a request scope of its own for the
 * tenant context whatever the batch thread has; no transaction of its own: each decision has one.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LifecycleRunTenant {

    @Inject
    private TenantContext tenantContext;

    @Inject
    private LifecycleRun lifecycleRun;

    public LifecycleRun.Result run(long tenantId, Instant at) {
        return tenantContext.callAs(tenantId, () -> lifecycleRun.run(at));
    }
}
