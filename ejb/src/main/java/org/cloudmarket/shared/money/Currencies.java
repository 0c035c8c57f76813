package org.cloudmarket.shared.money;

import java.util.Currency;
import java.util.Locale;
import org.cloudmarket.shared.error.InvalidInput;

/** The currencies the platform charges in: ISO 4217 currencies of money, not gold nor a testing code. */
public final class Currencies {

    private Currencies() {
    }

    /** The currency of an ISO code (any case), refused on field {@code currency} when it is none we charge in. */
    public static Currency of(String code) {
        Currency currency;
        try {
            currency = Currency.getInstance(code == null ? "" : code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInput("currency", code + " is not an ISO 4217 currency code");
        }
        // XAU, XTS and the like have no minor unit: nothing is priced in them
        if (currency.getDefaultFractionDigits() < 0) {
            throw new InvalidInput("currency", currency.getCurrencyCode() + " is not a currency prices are charged in");
        }
        return currency;
    }
}
