package org.cloudmarket.shared.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the worker does with a row, given what the claim answered (the claim itself: MailOutboxIT). */
class OutboxWorkerTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    /** SELECT SHA2('ada@example.test', 256) */
    private static final String ADA_SHA256 = "b97222ea69dadf792baa97fa768ecb840a0023714c831ab1328838cba9f7f437";

    private final List<String> calls = new ArrayList<>();
    private Optional<OutboxRows.Claimed> claim = Optional.empty();
    private Exception failure;
    /** Per tenant, its due rows (null: reading them fails); a row id listed in {@link #broken} fails its claim (a statement that throws). */
    private final Map<Long, List<Long>> due = new LinkedHashMap<>();
    private final Set<Long> broken = new HashSet<>();

    private final OutboxRows rows = new OutboxRows() {
        @Override
        List<Long> tenants() {
            return List.copyOf(due.keySet());
        }

        @Override
        List<Long> due(long tenantId, Instant now, int limit) {
            if (due.get(tenantId) == null) {
                throw new IllegalStateException("The due outbox rows of tenant " + tenantId + " could not be read");
            }
            return due.get(tenantId);
        }

        @Override
        Optional<Claimed> claim(long tenantId, long id, Instant now, Instant until) {
            calls.add("claim " + tenantId + "/" + id + " until " + until);
            if (broken.contains(id)) {
                throw new IllegalStateException("Outbox row " + id + " could not be claimed");
            }
            return claim;
        }

        @Override
        void delivered(long tenantId, long id, Instant now, String receipt, String recipientHash) {
            calls.add("delivered " + id + " keeping " + receipt + " to " + recipientHash);
        }

        @Override
        void failed(long tenantId, long id, Instant nextAttempt, String error) {
            calls.add("failed " + id + " next " + nextAttempt + ": " + error);
        }
    };

    private final List<Delivery> deliveries = new ArrayList<>(List.of(new Delivery() {
        @Override
        public OutboxChannel channel() {
            return OutboxChannel.MAIL;
        }

        @Override
        public void deliver(String recipient, String payload) throws Exception {
            calls.add("deliver to " + recipient + ": " + payload);
            if (failure != null) {
                throw failure;
            }
        }

        @Override
        public String receipt(String payload) {
            return "{\"kept\":1}";
        }
    }));

    private final OutboxWorker worker = new OutboxWorker(rows, deliveries, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aRowThatAnotherWorkerClaimedIsLeftToIt() {
        worker.attempt(7, 42);

        assertThat(calls).containsExactly("claim 7/42 until 2026-12-01T10:02:00Z");
    }

    @Test
    void aClaimedRowIsDeliveredOnceAndMarked() {
        claim = Optional.of(new OutboxRows.Claimed(OutboxChannel.MAIL, "ada@example.test", "{}", 1));

        worker.attempt(7, 42);

        assertThat(calls).containsExactly("claim 7/42 until 2026-12-01T10:02:00Z", "deliver to ada@example.test: {}",
                "delivered 42 keeping {\"kept\":1} to " + ADA_SHA256);
    }

    @Test
    void aRowThatFailsBeforeItsDeliveryStopsNeitherTheRowsAfterItNorOtherTenants() {
        claim = Optional.of(new OutboxRows.Claimed(OutboxChannel.MAIL, "ada@example.test", "{}", 1));
        due.put(7L, List.of(41L, 42L));
        due.put(8L, List.of(43L));
        broken.add(41L);

        worker.attemptDue();

        assertThat(calls).filteredOn(call -> call.startsWith("delivered")).extracting(call -> call.split(" ")[1])
                .containsExactly("42", "43");
        assertThat(calls).doesNotContain("delivered 41").contains("claim 7/41 until 2026-12-01T10:02:00Z");
    }

    @Test
    void aTenantWhoseRowsCannotBeReadStopsNotTheOthers() {
        claim = Optional.of(new OutboxRows.Claimed(OutboxChannel.MAIL, "ada@example.test", "{}", 1));
        due.put(7L, null); // its read fails
        due.put(8L, List.of(43L));

        worker.attemptDue();

        assertThat(calls).filteredOn(call -> call.startsWith("delivered")).hasSize(1).first().asString().startsWith("delivered 43 ");
    }

    @Test
    void aDeliveredRowKeepsTheSha256OfItsRecipientAsMariaDbComputesIt() {
        assertThat(RecipientHash.of("ada@example.test")).isEqualTo(ADA_SHA256).hasSize(64);
    }

    @Test
    void aFailedAttemptWaitsItsBackoffAndKeepsTheError() {
        claim = Optional.of(new OutboxRows.Claimed(OutboxChannel.MAIL, "ada@example.test", "{}", 3));
        failure = new IllegalStateException("Mail server refused", new ConnectException("Connection refused"));

        worker.attempt(7, 42);

        assertThat(calls).containsExactly("claim 7/42 until 2026-12-01T10:02:00Z", "deliver to ada@example.test: {}",
                "failed 42 next 2026-12-01T10:00:20Z: IllegalStateException: Mail server refused <- ConnectException: Connection refused");
    }

    @Test
    void aRowOfAChannelWithNoDeliveryWaitsLikeAnyFailure() {
        deliveries.clear();
        claim = Optional.of(new OutboxRows.Claimed(OutboxChannel.MAIL, "ada@example.test", "{}", 1));

        worker.attempt(7, 42);

        assertThat(calls).last().asString().startsWith("failed 42 next 2026-12-01T10:00:05Z").contains("No delivery for the channel MAIL");
    }
}
