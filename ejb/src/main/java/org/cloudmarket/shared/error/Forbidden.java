package org.cloudmarket.shared.error;

/** The caller is known but may not do this. */
public class Forbidden extends DomainException {

    public Forbidden(String message) {
        super(message);
    }
}
