package org.cloudmarket.shared.idempotency;

import org.cloudmarket.shared.error.InvalidInput;

/**
 * The rule for a client's {@code Idempotency-Key} header: 1 to 255 printable ASCII characters (a
 * UUID fits, and so does any client's own scheme), compared exactly, case included.
 */
public final class IdempotencyKey {

    /** The header, and the field a refused key's 422 names. */
    public static final String HEADER = "Idempotency-Key";
    static final int MAX_LENGTH = 255;

    private IdempotencyKey() {
    }

    /** The key as given, or a 422 naming {@link #HEADER}. */
    public static String check(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new InvalidInput(HEADER, HEADER + " has 1 to " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw new InvalidInput(HEADER, HEADER + " holds printable ASCII characters only, no spaces");
            }
        }
        return value;
    }
}
