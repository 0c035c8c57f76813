package org.cloudmarket.billing.pdf;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;
import org.cloudmarket.billing.domain.InvoiceGenerator;
import org.cloudmarket.shared.money.Money;

/** How the PDF writes numbers: English grouping, amounts at the currency's minor unit, unit prices up to 4 decimals. */
final class Amounts {

    private Amounts() {
    }

    static String money(Money money) {
        return decimal(money.amount(), digits(money.currency()), digits(money.currency())) + " " + money.currency().getCurrencyCode();
    }

    /** 10.00 stays 10.00, a prorated 4.1833 keeps its 4 decimals: what the line's net was computed from. */
    static String unitPrice(BigDecimal unitPrice, Currency currency) {
        return decimal(unitPrice, digits(currency), InvoiceGenerator.UNIT_PRICE_SCALE);
    }

    static String quantity(BigDecimal quantity) {
        return decimal(quantity, 0, quantity.scale());
    }

    static String percent(BigDecimal rate) {
        return decimal(rate, 0, rate.scale()) + " %";
    }

    private static int digits(Currency currency) {
        return currency.getDefaultFractionDigits();
    }

    // a DecimalFormat is not thread-safe: one per call
    private static String decimal(BigDecimal value, int minDigits, int maxDigits) {
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        format.setMinimumFractionDigits(minDigits);
        format.setMaximumFractionDigits(Math.max(minDigits, maxDigits));
        return format.format(value);
    }
}
