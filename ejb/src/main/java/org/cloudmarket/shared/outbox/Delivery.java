package org.cloudmarket.shared.outbox;

/**
 * Delivers the rows of one channel. A CDI bean; the worker picks the one whose {@link #channel}
 * the row names. Throwing means "not delivered": the row is tried again later, its error kept.
 */
public interface Delivery {

    OutboxChannel channel();

    void deliver(String recipient, String payload) throws Exception;

    /**
     * What a delivered row keeps of its payload: the rest (rendered links with token secrets,
     * personal data) is no longer needed once it went out. By default nothing.
     */
    default String receipt(String payload) {
        return "{}";
    }
}
