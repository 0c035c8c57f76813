package org.cloudmarket.identity.domain;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2 with HMAC-SHA-256 and a random salt, stored as {@code pbkdf2-sha256$iterations$salt$hash}
 * so the work factor can rise later without invalidating stored hashes.
 */
public final class PasswordHasher {

    static final String ALGORITHM = "pbkdf2-sha256";
    static final int ITERATIONS = 310_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A real hash of nothing useful: checked when the e-mail is unknown, so both cases cost the same time. */
    private static final String DECOY = new PasswordHasher().hash("decoy password that matches no account");

    /** PBKDF2 itself; a test counts its runs through the package-private constructor. */
    interface Derivation {
        byte[] derive(String password, byte[] salt, int iterations);
    }

    private final int iterations;
    private final Derivation derivation;

    public PasswordHasher() {
        this(ITERATIONS);
    }

    PasswordHasher(int iterations) {
        this(iterations, PasswordHasher::derive);
    }

    PasswordHasher(int iterations, Derivation derivation) {
        this.iterations = iterations;
        this.derivation = derivation;
    }

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = derivation.derive(password, salt, iterations);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return ALGORITHM + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /**
     * Whether the password matches the stored hash. A stored value that is no hash (an invited,
     * closed or machine account has none) fails only after the decoy's work, so the time of a
     * sign-in does not tell such accounts apart from others.
     */
    public boolean verify(String password, String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        if (parts.length != 4 || !ALGORITHM.equals(parts[0])) {
            spendDecoyTime(password);
            return false;
        }
        return matches(password, parts);
    }

    /** Spends the time a real check would, for an account that does not exist or has no password. */
    public void spendDecoyTime(String password) {
        matches(password, DECOY.split("\\$"));
    }

    private boolean matches(String password, String[] parts) {
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] expected = b64.decode(parts[3]);
        byte[] actual = derivation.derive(password, b64.decode(parts[2]), Integer.parseInt(parts[1]));
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JVM", e);
        } finally {
            spec.clearPassword();
        }
    }

}
