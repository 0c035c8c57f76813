package org.cloudmarket.shared.error;

/** The request contradicts the current state (a duplicate, a second start of something already started). */
public class Conflict extends DomainException {

    private final String field;

    public Conflict(String message) {
        this(null, message);
    }

    /** A duplicate of one input field's value (an e-mail already taken): the problem names the field. */
    public Conflict(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field whose value is taken, or null. */
    public String field() {
        return field;
    }
}
