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
import java.util.Optional;
import org.eclipse.persistence.config.PersistenceUnitProperties;

/**
 * The persistence context every service injects: a proxy that, on each call, uses the current
 * transaction's context, created on first use for the tenant bound at that moment.
 * <p>
 * EclipseLink takes the tenant discriminator as a creation property (its documented way with a
 * shared factory). Setting it later with {@code setProperty} on an active JTA context writes into
 * the shared session's property map, leaking one tenant into every later transaction. Without a
 * bound tenant the context reads platform tables only: EclipseLink refuses tenant-owned entities,
 * so that failure is closed.
 */
@ApplicationScoped
public class TenantEntityManagers {

    static final String TENANT_PROPERTY = PersistenceUnitProperties.MULTITENANT_PROPERTY_DEFAULT;
    /** The tenant the current transaction's persistence context was created for. */
    static final String BOUND_TENANT = TenantEntityManagers.class.getName() + ".tenant";
    static final String PLATFORM = "platform";
    private static final String CONTEXT = TenantEntityManagers.class.getName() + ".context";

    @PersistenceUnit(unitName = "cloudmarket")
    private EntityManagerFactory factory;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    @Inject
    private TenantContext tenantContext;

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

    private EntityManager current() {
        if (transactions.getTransactionKey() == null || transactions.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
            throw new TransactionRequiredException("Services use the persistence context inside a transaction");
        }
        EntityManager current = (EntityManager) transactions.getResource(CONTEXT);
        if (current == null) {
            current = open();
        }
        return current;
    }

    private EntityManager open() {
        Optional<Long> tenant = tenantContext.tenantId();
        Map<String, Object> properties = tenant.<Map<String, Object>>map(id -> Map.of(TENANT_PROPERTY, id.toString())).orElse(Map.of());
        EntityManager opened = factory.createEntityManager(SynchronizationType.SYNCHRONIZED, properties);
        opened.joinTransaction();
        transactions.putResource(CONTEXT, opened);
        transactions.putResource(BOUND_TENANT, tenant.<Object>map(id -> id).orElse(PLATFORM));
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // EclipseLink flushes through its own JTA synchronization.
            }

            @Override
            public void afterCompletion(int status) {
                opened.close();
            }
        });
        return opened;
    }
}
