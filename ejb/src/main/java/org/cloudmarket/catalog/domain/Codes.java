package org.cloudmarket.catalog.domain;

import java.util.regex.Pattern;
import org.cloudmarket.shared.error.InvalidInput;

/** The codes of metrics and extra resources: vendors report usage and buyers order quantities by them. */
final class Codes {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    private Codes() {
    }

    static String require(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new InvalidInput("code", "A code is 1 to 40 lower-case letters, digits or dashes, starting with a letter");
        }
        return code;
    }
}
