package org.cloudmarket.tenancy.domain;

import java.util.Locale;
import java.util.regex.Pattern;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.shared.error.InvalidInput;

/**
 * What an Italian e-invoice (FatturaPA) needs of its recipient besides the VAT number: the codice
 * fiscale, and where the invoice is delivered, an SDI recipient code or a PEC address.
 */
public final class ItalianCodes {

    /** The SDI code of a recipient that receives through its PEC (or its tax drawer) instead. */
    public static final String NO_SDI_CODE = "0000000";

    /** A person's code: surname, name, birth date and place; letters may replace digits (omocodia). */
    private static final Pattern PERSON_CODE = Pattern.compile(
            "[A-Z]{6}[0-9LMNP-V]{2}[ABCDEHLMPRST][0-9LMNP-V]{2}[A-Z][0-9LMNP-V]{3}[A-Z]");
    private static final Pattern SDI_CODE = Pattern.compile("[A-Z0-9]{7}");
    /** The values of the characters in odd positions (1st, 3rd, ...), for 0-9 and A-Z alike. */
    private static final int[] ODD = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23};

    private ItalianCodes() {
    }

    /** A person's 16-character codice fiscale or a company's 11-digit number, upper case, check character verified. */
    public static String fiscalCode(PartyKind kind, String raw) {
        String code = raw.strip().replace(" ", "").toUpperCase(Locale.ROOT);
        if (kind == PartyKind.COMPANY) {
            if (!code.matches("\\d{11}") || !hasValidCheckDigit(code)) {
                throw new InvalidInput("fiscalCode", "A company's codice fiscale is 11 digits, its last one a check digit");
            }
        } else if (!PERSON_CODE.matcher(code).matches() || personCheckCharacter(code) != code.charAt(15)) {
            throw new InvalidInput("fiscalCode", "A person's codice fiscale is 16 letters and digits, its last one a check character");
        }
        return code;
    }

    /** A seven-character SDI recipient code; {@value #NO_SDI_CODE} only beside a PEC address. */
    public static String sdiCode(String raw, boolean pecGiven) {
        String code = raw.strip().toUpperCase(Locale.ROOT);
        if (!SDI_CODE.matcher(code).matches()) {
            throw new InvalidInput("sdiCode", "An SDI code is 7 letters and digits");
        }
        if (code.equals(NO_SDI_CODE) && !pecGiven) {
            throw new InvalidInput("sdiCode", "With the SDI code 0000000 the e-invoice goes to a PEC address: give it");
        }
        return code;
    }

    /** A PEC is an e-mail address like any other: the platform's one e-mail rule ({@link User#email}) decides, as {@code pec}. */
    public static String pec(String raw) {
        if (!User.isEmail(raw)) {
            throw new InvalidInput("pec", "A PEC is one e-mail address, such as fatture@pec.example.it");
        }
        return User.normalizeEmail(raw);
    }

    /** The partita IVA's (and a company's codice fiscale's) Luhn-like check digit, the 11th. */
    static boolean hasValidCheckDigit(String elevenDigits) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            int digit = elevenDigits.charAt(i) - '0';
            if (i % 2 == 1) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
        }
        return (10 - sum % 10) % 10 == elevenDigits.charAt(10) - '0';
    }

    static char personCheckCharacter(String code) {
        int sum = 0;
        for (int i = 0; i < 15; i++) {
            char c = code.charAt(i);
            int index = Character.isDigit(c) ? c - '0' : c - 'A';
            sum += i % 2 == 0 ? ODD[index] : index;
        }
        return (char) ('A' + sum % 26);
    }
}
