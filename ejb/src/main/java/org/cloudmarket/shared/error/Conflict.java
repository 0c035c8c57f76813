package org.cloudmarket.shared.error;

/** The request contradicts the current state (a duplicate, a second start of something already started). */
public class Conflict extends DomainException {

    private final String field;

    public Conflict(String message) {
        this(null, message);
    }

    /** A duplicate of a value the client chose, named so that a form or client can point at it (a taken slug). */
    public Conflict(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The input field whose value is taken; null when the conflict is with the state, not one field. */
    public String field() {
        return field;
    }
}
