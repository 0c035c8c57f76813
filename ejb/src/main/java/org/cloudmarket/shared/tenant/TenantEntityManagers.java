package org.cloudmarket.shared.tenant;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.persistence.SynchronizationType;
import jakarta.persistence.TransactionRequiredException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cloudmarket.shared.cache.Generations;
import org.cloudmarket.shared.cache.WriteTracker;
import org.eclipse.persistence.config.PersistenceUnitProperties;

/**
 * The persistence context every service injects: a proxy that, on each call, uses the current
 * transaction's context, created on first use for the tenant bound at that moment.
 * <p>
 * EclipseLink takes the tenant discriminator as a creation property (its documented way with a
 * shared factory). Setting it later with {@code setProperty} on an active JTA context writes into
 * the shared session's property map, leaking one tenant into every later transaction. Without a
 * bound tenant the context reads platform tables only: EclipseLink refuses tenant-owned entities,
 * so that failure is closed. A transaction serves one tenant: switch tenants between
 * transactions ({@link TenantContext#callAs} around a service call), never inside one.
 */
@ApplicationScoped
public class TenantEntityManagers {

    static final String TENANT_PROPERTY = PersistenceUnitProperties.MULTITENANT_PROPERTY_DEFAULT;
    /** The tenant the current transaction's persistence context was created for. */
    private static final String BOUND_TENANT = TenantEntityManagers.class.getName() + ".tenant";
    private static final String PLATFORM = "platform";
    private static final String CONTEXT = TenantEntityManagers.class.getName() + ".context";

    @PersistenceUnit(unitName = "cloudmarket")
    private EntityManagerFactory factory;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    @Inject
    private TenantContext tenantContext;

    TenantEntityManagers() {
    }

    TenantEntityManagers(EntityManagerFactory factory, TransactionSynchronizationRegistry transactions, TenantContext tenantContext) {
        this.factory = factory;
        this.transactions = transactions;
        this.tenantContext = tenantContext;
    }

    @Produces
    EntityManager entityManager() {
        return (EntityManager) Proxy.newProxyInstance(EntityManager.class.getClassLoader(),
                new Class<?>[] {EntityManager.class}, (proxy, method, args) -> delegate(method, args));
    }

    private Object delegate(Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return method.invoke(this, args);
        }
        try {
            return method.invoke(current(), args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    EntityManager current() {
        if (transactions.getTransactionKey() == null || transactions.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
            throw new TransactionRequiredException("Services use the persistence context inside a transaction");
        }
        Object tenant = tenantContext.tenantId().<Object>map(id -> id).orElse(PLATFORM);
        EntityManager current = (EntityManager) transactions.getResource(CONTEXT);
        if (current == null) {
            return open(tenant);
        }
        Object bound = transactions.getResource(BOUND_TENANT);
        if (!bound.equals(tenant)) {
            // A persistence context that has read one tenant's rows must never serve another's.
            throw new IllegalStateException("A transaction of tenant " + bound + " cannot serve tenant " + tenant);
        }
        return current;
    }

    private EntityManager open(Object tenant) {
        Map<String, Object> properties = PLATFORM.equals(tenant) ? Map.of() : Map.of(TENANT_PROPERTY, tenant.toString());
        EntityManager opened = factory.createEntityManager(SynchronizationType.SYNCHRONIZED, properties);
        opened.joinTransaction();
        transactions.putResource(CONTEXT, opened);
        transactions.putResource(BOUND_TENANT, tenant);
        AtomicBoolean wrote = new AtomicBoolean();
        transactions.putResource(WriteTracker.WROTE, wrote);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // EclipseLink flushes through its own JTA synchronization.
            }

            @Override
            public void afterCompletion(int status) {
                opened.close();
                // after the commit, not before: a page rendered meanwhile from the old rows is cached
                // under the old generation and never served again
                if (status == Status.STATUS_COMMITTED && wrote.get()) {
                    if (PLATFORM.equals(tenant)) {
                        Generations.bumpPlatform();
                    } else {
                        Generations.bump((Long) tenant);
                    }
                }
            }
        });
        return opened;
    }
}
