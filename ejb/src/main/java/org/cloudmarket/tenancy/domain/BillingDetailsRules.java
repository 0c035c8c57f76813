package org.cloudmarket.tenancy.domain;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Set;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.text.Texts;

/**
 * The one place that turns what a client sent into {@link BillingDetails}, or refuses it with an
 * {@link InvalidInput} naming the API field. Every field is bounded by its column (accounts.xml).
 * A company needs a VAT number of its country's format (VatNumbers); a person may give one. An
 * Italian customer also needs what an e-invoice needs: its codice fiscale and an SDI code or a PEC.
 */
public final class BillingDetailsRules {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private BillingDetailsRules() {
    }

    /** A customer's details: what its invoices will need. */
    public static BillingDetails customer(BillingDetailsInput input) {
        return check(input, false);
    }

    /** A seller's or vendor's details: what its invoices and statements will carry, a bank account among them. */
    public static BillingDetails seller(BillingDetailsInput input) {
        return check(input, true);
    }

    private static BillingDetails check(BillingDetailsInput input, boolean seller) {
        if (input == null) {
            throw new InvalidInput("body", "Send the billing details");
        }
        PartyKind kind = kind(input.kind());
        String name = text("name", input.name(), 200);
        String address = text("address", input.address(), 300);
        String city = text("city", input.city(), 120);
        String postalCode = postalCode(input.postalCode());
        String country = country(input.country());
        String vatNumber = vatNumber(kind, country, input.vatNumber(), seller);
        boolean italian = country.equals("IT");
        String pec = Texts.optional("pec", input.pec(), 254) == null ? null : ItalianCodes.pec(input.pec());
        String sdiCode = Texts.optional("sdiCode", input.sdiCode(), 7) == null ? null : ItalianCodes.sdiCode(input.sdiCode(), pec != null);
        String fiscalCode = fiscalCode(kind, italian, input.fiscalCode(), seller);
        if (italian && !seller && sdiCode == null && pec == null) {
            throw new InvalidInput("sdiCode", "An Italian e-invoice needs an SDI code or a PEC address");
        }
        return new BillingDetails(kind, name, address, city, postalCode, country, vatNumber, fiscalCode, sdiCode, pec,
                seller ? iban(input.iban()) : null, seller ? invoicePrefix(input.invoicePrefix()) : null);
    }

    private static PartyKind kind(String kind) {
        try {
            return PartyKind.valueOf(Texts.required("kind", kind, 8).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("kind", "kind is PERSON or COMPANY");
        }
    }

    /** Required, bounded, and free of control characters (a line break would forge an invoice line). */
    private static String text(String field, String value, int max) {
        String text = Texts.required(field, value, max);
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInput(field, field + " is one line of text");
        }
        return text;
    }

    private static String postalCode(String value) {
        String code = Texts.required("postalCode", value, 20).toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z0-9][A-Z0-9 -]*")) {
            throw new InvalidInput("postalCode", "A postal code is letters, digits, spaces and dashes");
        }
        return code;
    }

    private static String country(String value) {
        String country = Texts.required("country", value, 2).toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(country)) {
            throw new InvalidInput("country", "country is an ISO 3166 code of two letters, such as IT or DE");
        }
        return country;
    }

    private static String vatNumber(PartyKind kind, String country, String value, boolean seller) {
        if (value == null || value.isBlank()) {
            if (kind == PartyKind.COMPANY || seller) {
                throw new InvalidInput(VatNumbers.FIELD, "A company needs its VAT number");
            }
            return null;
        }
        return VatNumbers.normalise(country, value);
    }

    /** Italy: required of a customer (the e-invoice names it); elsewhere not asked, and refused if sent. */
    private static String fiscalCode(PartyKind kind, boolean italian, String value, boolean seller) {
        if (Texts.optional("fiscalCode", value, 20) == null) {
            if (italian && !seller) {
                throw new InvalidInput("fiscalCode", "An Italian customer needs its codice fiscale");
            }
            return null;
        }
        if (!italian) {
            throw new InvalidInput("fiscalCode", "A fiscal code is asked of Italian parties only");
        }
        return ItalianCodes.fiscalCode(kind, value);
    }

    /** An IBAN: country, check digits (ISO 7064 mod 97-10) and account, without spaces. */
    private static String iban(String value) {
        String iban = Texts.optional("iban", value == null ? null : value.replace(" ", ""), 34);
        if (iban == null) {
            return null;
        }
        iban = iban.toUpperCase(Locale.ROOT);
        if (!iban.matches("[A-Z]{2}\\d{2}[A-Z0-9]{11,30}") || !COUNTRIES.contains(iban.substring(0, 2))) {
            throw new InvalidInput("iban", "An IBAN is a country code, two check digits and the account number");
        }
        StringBuilder digits = new StringBuilder();
        for (char c : (iban.substring(4) + iban.substring(0, 4)).toCharArray()) {
            digits.append(Character.digit(c, 36));
        }
        if (new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() != 1) {
            throw new InvalidInput("iban", "The check digits of this IBAN are wrong: look for a mistyped character");
        }
        return iban;
    }

    private static String invoicePrefix(String value) {
        String prefix = Texts.optional("invoicePrefix", value, 20);
        if (prefix != null && !prefix.matches("[A-Za-z0-9][A-Za-z0-9/_-]*")) {
            throw new InvalidInput("invoicePrefix", "An invoice prefix is letters, digits, dashes, slashes and underscores");
        }
        // a number is prefix[-series]-year-counter: "ACME-CN" would read as ACME's credit notes (billing.domain.InvoiceNumbers)
        if (prefix != null && prefix.toUpperCase(java.util.Locale.ROOT).matches("(.*[-/_])?(CN|PF)")) {
            throw new InvalidInput("invoicePrefix", "An invoice prefix cannot end in CN or PF: those mark credit notes and pro-formas");
        }
        return prefix;
    }
}
