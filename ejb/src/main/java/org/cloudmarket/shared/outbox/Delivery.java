package org.cloudmarket.shared.outbox;

/**
 * Delivers the rows of one channel. A CDI bean; the worker picks the one whose {@link #channel}
 * the row names. Throwing means "not delivered": the row is tried again later, its error kept.
 */
public interface Delivery {

    OutboxChannel channel();

    void deliver(String recipient, String payload) throws Exception;
}
