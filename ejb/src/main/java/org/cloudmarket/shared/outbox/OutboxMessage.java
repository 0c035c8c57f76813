package org.cloudmarket.shared.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import org.cloudmarket.shared.persistence.TenantOwned;

/**
 * Something to deliver once the transaction that wrote it commits. Written through JPA in the
 * caller's transaction; afterwards only the worker touches the row, by guarded SQL (OutboxRows).
 */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage extends TenantOwned {

    @Enumerated(EnumType.STRING)
    private OutboxChannel channel;

    private String recipient;

    private String payload;

    @Column(name = "created_at")
    private Instant createdAt;

    private int attempts;

    /** Due at once: the commit hands it to the worker, and the timer finds it if that attempt never ran. */
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    /** Written by the worker's SQL only (OutboxRows); mapped so that erasing finds the undelivered rows. */
    @Column(name = "delivered_at", insertable = false, updatable = false)
    private Instant deliveredAt;

    protected OutboxMessage() {
    }

    OutboxMessage(OutboxChannel channel, String recipient, String payload, Instant now) {
        this.channel = channel;
        this.recipient = recipient;
        this.payload = payload;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    public OutboxChannel getChannel() {
        return channel;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getPayload() {
        return payload;
    }
}
