package org.cloudmarket.shared.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.TransactionRequiredException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cloudmarket.shared.testing.FakeTransactions;
import org.junit.jupiter.api.Test;

class TenantEntityManagersTest {

    private final FakeTransactions transactions = new FakeTransactions();
    private final List<Map<?, ?>> openedWith = new ArrayList<>();
    private final TenantContext tenantContext = new TenantContext();
    private final TenantEntityManagers managers = new TenantEntityManagers(factory(), transactions, tenantContext);

    @Test
    void opensTheTransactionsContextWithTheBoundTenantAsCreationProperty() {
        tenantContext.bind(7);

        managers.current();

        assertThat(openedWith).containsExactly(Map.of(TenantEntityManagers.TENANT_PROPERTY, "7"));
    }

    @Test
    void aTransactionKeepsOneContext() {
        tenantContext.bind(7);

        EntityManager first = managers.current();

        assertThat(managers.current()).isSameAs(first);
        assertThat(openedWith).hasSize(1);
    }

    @Test
    void withoutATenantTheContextCarriesNoTenantAndSoSeesPlatformTablesOnly() {
        managers.current();

        assertThat(openedWith).containsExactly(Map.of());
    }

    @Test
    void aTransactionOfOneTenantRefusesToServeAnother() {
        tenantContext.bind(7);
        managers.current();

        assertThatThrownBy(() -> tenantContext.callAs(8, managers::current))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tenant 7 cannot serve tenant 8");
    }

    @Test
    void aPlatformTransactionRefusesToServeATenant() {
        managers.current();

        assertThatThrownBy(() -> tenantContext.callAs(8, managers::current)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aNewTransactionMayServeAnotherTenant() {
        tenantContext.callAs(7, managers::current);
        transactions.commit();

        tenantContext.callAs(8, managers::current);

        assertThat(openedWith).containsExactly(Map.of(TenantEntityManagers.TENANT_PROPERTY, "7"),
                Map.of(TenantEntityManagers.TENANT_PROPERTY, "8"));
    }

    @Test
    void outsideATransactionThereIsNoContext() {
        transactions.commit();
        transactions.end();

        assertThatThrownBy(managers::current).isInstanceOf(TransactionRequiredException.class);
    }

    @Test
    void theBindingOfARequestCannotChangeTenant() {
        tenantContext.bind(7);

        assertThatThrownBy(() -> tenantContext.bind(8)).isInstanceOf(IllegalStateException.class);
    }

    private EntityManagerFactory factory() {
        return (EntityManagerFactory) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {EntityManagerFactory.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("createEntityManager")) {
                        openedWith.add((Map<?, ?>) args[1]);
                        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {EntityManager.class},
                                (em, emMethod, emArgs) -> null);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
