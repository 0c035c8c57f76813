package org.cloudmarket.tenancy.domain;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;
import org.cloudmarket.shared.error.InvalidInput;

/**
 * The one place that turns what a client sent into {@link BillingDetails}, or refuses it with an
 * {@link InvalidInput} naming the field.
 */
public final class BillingDetailsRules {

    private static final Pattern IBAN = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");
    private static final Pattern INVOICE_PREFIX = Pattern.compile("[A-Za-z0-9][A-Za-z0-9/_-]{0,19}");

    private BillingDetailsRules() {
    }

    /** A customer's details: what its invoices will need. */
    public static BillingDetails customer(BillingDetailsInput input) {
        return check(input, false);
    }

    /** A seller's or vendor's details: what its invoices and statements will carry. */
    public static BillingDetails seller(BillingDetailsInput input) {
        return check(input, true);
    }

    private static BillingDetails check(BillingDetailsInput input, boolean seller) {
        PartyKind kind = kind(input.kind());
        String country = required("country", input.country()).toUpperCase(Locale.ROOT);
        return new BillingDetails(kind, required("name", input.name()), required("address", input.address()),
                required("city", input.city()), required("postalCode", input.postalCode()), country,
                blankToNull(input.vatNumber()), blankToNull(input.fiscalCode()), blankToNull(input.sdiCode()),
                blankToNull(input.pec()), seller ? iban(input.iban()) : null,
                seller ? invoicePrefix(input.invoicePrefix()) : null);
    }

    private static PartyKind kind(String kind) {
        try {
            return PartyKind.valueOf(required("kind", kind).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("kind", "kind is PERSON or COMPANY");
        }
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput(field, field + " is required");
        }
        return value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    // --- sellers' bank account and invoice numbers (h/customers) ---

    /**
     * The account transfers are paid into, optional: an IBAN (ISO 13616) written with or without
     * spaces, stored without them in upper case, its check digits verified (mod 97 = 1).
     */
    static String iban(String value) {
        String iban = blankToNull(value);
        if (iban == null) {
            return null;
        }
        iban = iban.replace(" ", "").toUpperCase(Locale.ROOT);
        if (!IBAN.matcher(iban).matches() || !ibanChecksumHolds(iban)) {
            throw new InvalidInput("iban", "iban is not a valid IBAN");
        }
        return iban;
    }

    private static boolean ibanChecksumHolds(String iban) {
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        rearranged.chars().forEach(c -> digits.append(Character.isDigit(c) ? String.valueOf((char) c) : String.valueOf(c - 'A' + 10)));
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    /** What the seller's invoice numbers start with, optional: up to 20 letters, digits, '/', '_' or '-' (its column). */
    static String invoicePrefix(String value) {
        String prefix = blankToNull(value);
        if (prefix == null) {
            return null;
        }
        if (!INVOICE_PREFIX.matcher(prefix).matches()) {
            throw new InvalidInput("invoicePrefix", "invoicePrefix is up to 20 letters, digits, '/', '_' or '-', starting with a letter or digit");
        }
        return prefix;
    }
}
