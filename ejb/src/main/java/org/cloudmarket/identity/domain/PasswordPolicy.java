package org.cloudmarket.identity.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.cloudmarket.shared.error.InvalidInput;

/**
 * What a new password must be, as NIST SP 800-63B advises: long enough, and not one of the
 * passwords attackers try first (a list shipped with the code, compared case-insensitively). No
 * composition rules. Seeded demo users keep "demo": they never pass through here.
 */
public final class PasswordPolicy {

    public static final int MINIMUM_LENGTH = 12;
    /** A bound on what is hashed: longer input is refused, never truncated. */
    public static final int MAXIMUM_LENGTH = 256;
    private static final String LIST = "common-passwords.txt";
    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    /** Refuses a password that breaks the policy, naming the field {@code password}. */
    public static String check(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MINIMUM_LENGTH) {
            throw new InvalidInput("password", "A password needs at least " + MINIMUM_LENGTH + " characters");
        }
        if (password.length() > MAXIMUM_LENGTH) {
            throw new InvalidInput("password", "A password has at most " + MAXIMUM_LENGTH + " characters");
        }
        if (COMMON.contains(password.toLowerCase(Locale.ROOT))) {
            throw new InvalidInput("password", "This password is one of the most common ones: choose another");
        }
        return password;
    }

    static int listSize() {
        return COMMON.size();
    }

    private static Set<String> load() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException(LIST + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
