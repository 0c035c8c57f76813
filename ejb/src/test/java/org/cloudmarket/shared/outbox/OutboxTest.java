package org.cloudmarket.shared.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.cloudmarket.shared.persistence.TenantOwned;
import org.cloudmarket.shared.tenant.TenantContext;
import org.cloudmarket.shared.testing.FakeTransactions;
import org.junit.jupiter.api.Test;

/** The outbox hands a transaction's rows to the worker only once that transaction has committed. */
class OutboxTest {

    private final FakeTransactions transactions = new FakeTransactions();
    private final List<OutboxMessage> persisted = new ArrayList<>();
    private final List<String> handedOver = new ArrayList<>();
    private final Outbox outbox;

    OutboxTest() {
        TenantContext tenant = new TenantContext();
        tenant.bind(7);
        OutboxWorker worker = new OutboxWorker(null, List.of(), null) {
            @Override
            void attemptSoon(long tenantId, List<Long> ids) {
                handedOver.add(tenantId + ":" + ids);
            }
        };
        outbox = new Outbox(database(), tenant, Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC), worker, transactions);
    }

    @Test
    void theRowsOfATransactionReachTheWorkerAfterItsCommitNotBefore() {
        outbox.enqueue(OutboxChannel.MAIL, "ada@example.test", "{}");
        outbox.enqueue(OutboxChannel.MAIL, "bob@example.test", "{}");

        assertThat(persisted).extracting(OutboxMessage::getRecipient).containsExactly("ada@example.test", "bob@example.test");
        assertThat(transactions.synchronizations()).as("one hand-over per transaction").hasSize(1);
        assertThat(handedOver).as("before the commit").isEmpty();

        transactions.commit();

        assertThat(handedOver).containsExactly("7:[1, 2]");
    }

    @Test
    void aRolledBackTransactionHandsOverNothing() {
        outbox.enqueue(OutboxChannel.MAIL, "ada@example.test", "{}");

        transactions.complete(Status.STATUS_ROLLEDBACK);

        assertThat(handedOver).isEmpty();
    }

    @Test
    void eachTransactionHandsOverOnlyItsOwnRows() {
        outbox.enqueue(OutboxChannel.MAIL, "ada@example.test", "{}");
        transactions.commit();
        outbox.enqueue(OutboxChannel.MAIL, "bob@example.test", "{}");
        transactions.commit();

        assertThat(handedOver).containsExactly("7:[1]", "7:[2]");
    }

    @Test
    void aNewRowIsDueAtOnce() throws Exception {
        outbox.enqueue(OutboxChannel.MAIL, "ada@example.test", "{\"subject\":\"x\"}");

        OutboxMessage row = persisted.get(0);
        assertThat(row.getChannel()).isEqualTo(OutboxChannel.MAIL);
        assertThat(row.getPayload()).isEqualTo("{\"subject\":\"x\"}");
        assertThat(field(row, "nextAttemptAt")).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(field(row, "attempts")).isEqualTo(0);
    }

    /** Persists into a list and gives each row the next id, as the insert at the commit would. */
    private EntityManager database() {
        return (EntityManager) Proxy.newProxyInstance(EntityManager.class.getClassLoader(), new Class<?>[] {EntityManager.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("persist")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    OutboxMessage message = (OutboxMessage) args[0];
                    persisted.add(message);
                    Field id = TenantOwned.class.getDeclaredField("id");
                    id.setAccessible(true);
                    id.set(message, (long) persisted.size());
                    return null;
                });
    }

    private static Object field(OutboxMessage message, String name) throws Exception {
        Field field = OutboxMessage.class.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(message);
    }
}
