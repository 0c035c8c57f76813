package org.cloudmarket.shared.outbox;

/**
 * How an outbox row is delivered: each channel has one {@link Delivery}. A new channel (vendor
 * webhooks) is a constant here and a Delivery bean; the worker stays as it is.
 */
public enum OutboxChannel {
    /** An e-mail: the recipient is an address, the payload the rendered mail (messaging.mail). */
    MAIL
}
