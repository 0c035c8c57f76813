package org.cloudmarket.shared.error;

/** The input breaks a rule; {@link #field()} names the offending field so a form or client can point at it. */
public class InvalidInput extends DomainException {

    private final String field;

    public InvalidInput(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
