package org.cloudmarket.shared.error;

/** The request contradicts the current state (a duplicate, a second start of something already started). */
public class Conflict extends DomainException {

    public Conflict(String message) {
        super(message);
    }
}
