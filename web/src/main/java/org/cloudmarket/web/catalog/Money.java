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
        format.setMinimumFractionDigits(code.getDefaultFractionDigits());
        format.setMaximumFractionDigits(Math.max(code.getDefaultFractionDigits(), amount.stripTrailingZeros().scale()));
        return format.format(amount);
    }
}
