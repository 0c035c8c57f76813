package org.cloudmarket.shared.error;

import jakarta.ejb.ApplicationException;

/**
 * A failure the caller can act on. Each subclass is one kind of failure; the web layer maps each
 * kind to one HTTP status in one place. Thrown out of a service, it rolls the transaction back.
 */
@ApplicationException(rollback = true)
public abstract class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message);
    }
}
