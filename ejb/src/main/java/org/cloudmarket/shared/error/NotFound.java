package org.cloudmarket.shared.error;

/** The thing asked for does not exist, or belongs to someone the caller may not see. */
public class NotFound extends DomainException {

    public NotFound(String message) {
        super(message);
    }
}
