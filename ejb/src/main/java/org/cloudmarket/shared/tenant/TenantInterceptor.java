package org.cloudmarket.shared.tenant;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Guards every service call (a default interceptor, META-INF/ejb-jar.xml): a transaction whose
 * persistence context was created for one tenant must never serve another. Tenant switches
 * happen between transactions ({@link TenantContext#callAs} around a service call), never inside.
 */
public class TenantInterceptor {

    @Resource
    private TransactionSynchronizationRegistry transactions;

    @Inject
    private TenantContext tenantContext;

    @AroundInvoke
    public Object guardTenant(InvocationContext invocation) throws Exception {
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            Object bound = transactions.getResource(TenantEntityManagers.BOUND_TENANT);
            Object wanted = tenantContext.tenantId().<Object>map(id -> id).orElse(TenantEntityManagers.PLATFORM);
            if (bound != null && !bound.equals(wanted)) {
                throw new IllegalStateException("A transaction of tenant " + bound + " cannot serve tenant " + wanted);
            }
        }
        return invocation.proceed();
    }
}
