package org.cloudmarket.shared.error;

/** The caller could not be identified. */
public class Unauthenticated extends DomainException {

    public Unauthenticated(String message) {
        super(message);
    }
}
