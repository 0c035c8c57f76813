package org.cloudmarket.shared.text;

import org.cloudmarket.shared.error.InvalidInput;

/** The one check of what users type: stripped, bounded, and blank meaning "not given". */
public final class Texts {

    private Texts() {
    }

    public static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput(field, field + " is required");
        }
        return optional(field, value, max);
    }

    /** The stripped text, or null when blank. */
    public static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw new InvalidInput(field, field + " has at most " + max + " characters");
        }
        return stripped;
    }
}
