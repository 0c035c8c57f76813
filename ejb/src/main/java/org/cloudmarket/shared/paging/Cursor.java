package org.cloudmarket.shared.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.cloudmarket.shared.error.InvalidInput;

/** A page cursor: opaque to clients (base64url of the last id shown), checked when it comes back. */
final class Cursor {

    private Cursor() {
    }

    static String encode(long id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Long.toString(id).getBytes(StandardCharsets.US_ASCII));
    }

    static long decode(String cursor) {
        try {
            if (cursor.length() > 32) {
                throw new IllegalArgumentException("too long");
            }
            long id = Long.parseLong(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII));
            if (id < 1) {
                throw new IllegalArgumentException("not an id");
            }
            return id;
        } catch (IllegalArgumentException malformed) { // NumberFormatException too: the client's cursor is at fault
            throw new InvalidInput("cursor", "cursor is not one this API handed out");
        }
    }
}
