package org.cloudmarket.themes;

/** A branding value that cannot be used, naming the field it came from. */
public class InvalidBranding extends IllegalArgumentException {

    private final String field;

    public InvalidBranding(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
