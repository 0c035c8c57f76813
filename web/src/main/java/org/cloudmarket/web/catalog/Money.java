package org.cloudmarket.web.catalog;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import org.cloudmarket.web.storefront.Branding;

/** Amounts as the storefront's language writes them: "€ 63,00" in Italian, "€63.00" in English. */
@Named("money")
@RequestScoped
public class Money {

    @Inject
    private Branding branding;

    public String format(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(branding.getLocale());
        Currency code = Currency.getInstance(currency);
        format.setCurrency(code);
        // a price is shown as it is charged, to the cent; only sub-unit prices (0.0450 per call) keep their decimals
        int digits = code.getDefaultFractionDigits();
        boolean subUnit = amount.abs().compareTo(BigDecimal.ONE) < 0 && amount.signum() != 0;
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(subUnit ? Math.max(digits, Math.min(4, amount.stripTrailingZeros().scale())) : digits);
        format.setRoundingMode(java.math.RoundingMode.HALF_UP);
        return format.format(amount);
    }
}
