package org.cloudmarket.shared.tenant;

import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.persistence.config.PersistenceUnitProperties;

/**
 * Sets EclipseLink's tenant discriminator on the transaction's persistence context before any
 * service code runs. Bound to every EJB as a default interceptor (META-INF/ejb-jar.xml), so no
 * service can forget it. Without a bound tenant nothing is set, and EclipseLink refuses to read
 * or write any tenant-owned entity: the failure is closed, not open.
 */
public class TenantInterceptor {

    static final String TENANT_PROPERTY = PersistenceUnitProperties.MULTITENANT_PROPERTY_DEFAULT;

    @PersistenceContext(unitName = "cloudmarket")
    private EntityManager entityManager;

    @Inject
    private TenantContext tenantContext;

    @AroundInvoke
    public Object bindTenant(InvocationContext invocation) throws Exception {
        tenantContext.tenantId().ifPresent(this::bindPersistenceContext);
        return invocation.proceed();
    }

    private void bindPersistenceContext(long tenantId) {
        String wanted = Long.toString(tenantId);
        Object bound = entityManager.getProperties().get(TENANT_PROPERTY);
        if (bound == null) {
            entityManager.setProperty(TENANT_PROPERTY, wanted);
        } else if (!wanted.equals(bound)) {
            // A persistence context that has read one tenant's rows must never serve another's.
            throw new IllegalStateException("A transaction of tenant " + bound + " cannot serve tenant " + wanted);
        }
    }
}
