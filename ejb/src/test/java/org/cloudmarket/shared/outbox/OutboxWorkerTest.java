package org.cloudmarket.shared.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the worker does with a row, given what the claim answered (the claim itself: MailOutboxIT). */
class OutboxWorkerTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private final List<String> calls = new ArrayList<>();
    private Optional<OutboxRows.Claimed> claim = Optional.empty();
    private Exception failure;

    private final OutboxRows rows = new OutboxRows() {
        @Override
        Optional<Claimed> claim(long tenantId, long id, Instant now, Instant until) {
            calls.add("claim " + tenantId + "/" + id + " until " + until);
            return claim;
        }

        @Override
        void delivered(long tenantId, long id, Instant now) {
            calls.add("delivered " + id);
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

        assertThat(calls).containsExactly("claim 7/42 until 2026-12-01T10:02:00Z", "deliver to ada@example.test: {}", "delivered 42");
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
