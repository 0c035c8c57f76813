package org.cloudmarket.shared.outbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a delivered row keeps of its recipient: the SHA-256 (lower-case hex, as MariaDB's
 * {@code SHA2(recipient, 256)}) of the recipient as it was written. An operator asked "was this
 * address mailed?" hashes the address and looks; the address itself is gone.
 */
final class RecipientHash {

    private RecipientHash() {
    }

    static String of(String recipient) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(recipient.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
