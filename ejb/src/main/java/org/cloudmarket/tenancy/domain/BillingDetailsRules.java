package org.cloudmarket.tenancy.domain;

import java.util.Locale;
import org.cloudmarket.shared.error.InvalidInput;

/**
 * The one place that turns what a client sent into {@link BillingDetails}, or refuses it with an
 * {@link InvalidInput} naming the field.
 */
public final class BillingDetailsRules {

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
                blankToNull(input.pec()), seller ? blankToNull(input.iban()) : null,
                seller ? blankToNull(input.invoicePrefix()) : null);
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
}
