package org.cloudmarket.subscription.service;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.security.enterprise.SecurityContext;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.cloudmarket.identity.service.Caller;
import org.cloudmarket.shared.persistence.TenantOwned;
import org.cloudmarket.subscription.domain.Change;
import org.cloudmarket.subscription.domain.DeploymentStatus;
import org.cloudmarket.subscription.domain.Subscription;
import org.cloudmarket.subscription.domain.SubscriptionChange;
import org.cloudmarket.subscription.domain.SubscriptionType;
import org.junit.jupiter.api.Test;

/**
 * The changelog's order is its ids' order (VendorCosts, InvoicePreview read it so), and EclipseLink inserts the new
 * objects of one flush in no set order: so no flush may hold two changes. A sandbox is started and deployed in one
 * transaction; before the fix its opening change and its DEPLOYED went out in one flush, and in the full IT run the
 * DEPLOYED row took the lower id, so its month cost its vendor nothing (VendorCostsAndRefundsIT).
 */
class LifecycleTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    /** What the entity manager was asked, a flush closing each batch of persisted changes. */
    private final List<List<String>> flushes = new ArrayList<>(List.of(new ArrayList<>()));

    @Test
    void aStartAndTheChangeAfterItAreFlushedApartSoTheOpeningChangeHasTheLowerId() throws Exception {
        Lifecycle lifecycle = lifecycle();
        Subscription sandbox = lifecycle.start(sandbox(), "Ordered", 7L);
        lifecycle.record(sandbox, "Provisioned", 7L, new Change.Status(DeploymentStatus.DEPLOYED));

        assertThat(flushes.stream().filter(batch -> !batch.isEmpty()).toList())
                .as("one change per flush, in the order they happened")
                .containsExactly(List.of("Subscription"), List.of("STATUS null->PENDING"), List.of("STATUS PENDING->DEPLOYED"));
    }

    private Lifecycle lifecycle() throws Exception {
        EntityManager entityManager = (EntityManager) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {EntityManager.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "persist" -> flushes.get(flushes.size() - 1).add(persisted(args[0]));
                        case "flush" -> flushes.add(new ArrayList<>());
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                    return null;
                });
        SecurityContext anonymous = (SecurityContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {SecurityContext.class},
                (proxy, method, args) -> null);
        Caller caller = new Caller();
        set(caller, "securityContext", anonymous);
        Lifecycle lifecycle = new Lifecycle();
        set(lifecycle, "entityManager", entityManager);
        set(lifecycle, "caller", caller);
        set(lifecycle, "clock", Clock.fixed(NOW, ZoneOffset.UTC));
        return lifecycle;
    }

    private static String persisted(Object entity) throws Exception {
        if (entity instanceof SubscriptionChange change) {
            return change.getWhat() + " " + change.getFromValue().orElse("null") + "->" + change.getToValue().orElse("null");
        }
        Field id = TenantOwned.class.getDeclaredField("id");
        id.setAccessible(true);
        id.set(entity, 42L); // what the insert gives it
        return entity.getClass().getSimpleName();
    }

    private static Subscription sandbox() {
        return new Subscription(SubscriptionType.SANDBOX, DeploymentStatus.PENDING, new Subscription.Parties(null, null, null, 3, 4, 5, 7, null),
                Currency.getInstance("EUR"), BigDecimal.ONE, "{}", null, null, new Subscription.Window(1, NOW, NOW, NOW.plusSeconds(3600), null),
                false, null, false, NOW);
    }

    private static void set(Object target, String name, Object value) throws Exception {
        Field field = target.getClass().getDeclaredField(name);
        field.setAccessible(true);
        field.set(target, value);
    }
}
