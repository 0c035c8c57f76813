package org.cloudmarket.tenancy.domain;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.cloudmarket.shared.error.InvalidInput;

/**
 * VAT numbers in the form VIES checks them: the country's prefix (EL for Greece) and its body, for
 * the EU member states, plus the United Kingdom, Switzerland and Norway. Written without spaces,
 * dots or dashes; a number given without its prefix gets it. Italy's partita IVA also carries a
 * check digit, verified here.
 */
public final class VatNumbers {

    public static final String FIELD = "vatNumber";

    private static final Map<String, Pattern> BODIES = Map.ofEntries(
            body("AT", "U\\d{8}"),
            body("BE", "[01]\\d{9}"),
            body("BG", "\\d{9,10}"),
            body("CY", "\\d{8}[A-Z]"),
            body("CZ", "\\d{8,10}"),
            body("DE", "\\d{9}"),
            body("DK", "\\d{8}"),
            body("EE", "\\d{9}"),
            body("EL", "\\d{9}"),
            body("ES", "[A-Z0-9]\\d{7}[A-Z0-9]"),
            body("FI", "\\d{8}"),
            body("FR", "[A-HJ-NP-Z0-9]{2}\\d{9}"),
            body("HR", "\\d{11}"),
            body("HU", "\\d{8}"),
            body("IE", "\\d{7}[A-W][A-IW]?|\\d[A-Z+*]\\d{5}[A-W]"),
            body("IT", "\\d{11}"),
            body("LT", "\\d{9}|\\d{12}"),
            body("LU", "\\d{8}"),
            body("LV", "\\d{11}"),
            body("MT", "\\d{8}"),
            body("NL", "\\d{9}B\\d{2}"),
            body("PL", "\\d{10}"),
            body("PT", "\\d{9}"),
            body("RO", "[1-9]\\d{1,9}"),
            body("SE", "\\d{10}01"),
            body("SI", "\\d{8}"),
            body("SK", "\\d{10}"),
            body("GB", "\\d{9}|\\d{12}|GD[0-4]\\d{2}|HA[5-9]\\d{2}"),
            body("CH", "E\\d{9}(MWST|TVA|IVA)?"),
            body("NO", "\\d{9}(MVA)?"));

    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-/]");

    private VatNumbers() {
    }

    /** The VAT prefix of a country: its ISO code, but EL for Greece; empty where no format is known. */
    public static Optional<String> prefixOf(String country) {
        String prefix = "GR".equals(country) ? "EL" : country;
        return BODIES.containsKey(prefix) ? Optional.of(prefix) : Optional.empty();
    }

    /**
     * The number in its normal form ({@code IT01234567897}), or {@link InvalidInput} on
     * {@value #FIELD}. For a country whose format is not known only the length and characters are
     * bounded.
     */
    public static String normalise(String country, String raw) {
        String compact = SEPARATORS.matcher(raw.strip()).replaceAll("").toUpperCase(Locale.ROOT);
        if (compact.length() > 20 || !compact.matches("[A-Z0-9+*]+")) {
            throw new InvalidInput(FIELD, "A VAT number has at most 20 letters and digits");
        }
        Optional<String> prefix = prefixOf(country);
        if (prefix.isEmpty()) {
            return compact;
        }
        String code = prefix.get();
        Pattern pattern = BODIES.get(code);
        String body;
        if (compact.startsWith(code) && pattern.matcher(compact.substring(code.length())).matches()) {
            body = compact.substring(code.length());
        } else if (pattern.matcher(compact).matches()) {
            body = compact;
        } else if (compact.length() > 2 && BODIES.containsKey(compact.substring(0, 2)) && !compact.startsWith(code)) {
            throw new InvalidInput(FIELD, "The VAT number starts with " + compact.substring(0, 2) + ", not with " + code
                    + " of the country " + country);
        } else {
            throw new InvalidInput(FIELD, "This is not a VAT number of " + country + " (" + code + " followed by "
                    + describe(code) + ")");
        }
        if (code.equals("IT") && !ItalianCodes.hasValidCheckDigit(body)) {
            throw new InvalidInput(FIELD, "The check digit of this partita IVA is wrong: look for a mistyped digit");
        }
        return code + body;
    }

    private static String describe(String code) {
        return switch (code) {
            case "IT" -> "11 digits";
            case "DE", "EE", "EL", "PT" -> "9 digits";
            case "FR" -> "2 characters and 9 digits";
            case "NL" -> "9 digits, B and 2 digits";
            case "AT" -> "U and 8 digits";
            case "CH" -> "E and 9 digits";
            default -> "its country's format";
        };
    }

    private static Map.Entry<String, Pattern> body(String prefix, String regex) {
        return Map.entry(prefix, Pattern.compile(regex));
    }
}
