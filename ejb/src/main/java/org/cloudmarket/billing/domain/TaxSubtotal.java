package org.cloudmarket.billing.domain;

import java.math.BigDecimal;
import org.cloudmarket.shared.money.Money;

/** The VAT of one rate and category (EN 16931's VAT breakdown): the sum of its net lines and the tax on that sum. */
public record TaxSubtotal(BigDecimal rate, String category, Money taxable, Money tax) {

    TaxSubtotal negated() {
        return new TaxSubtotal(rate, category, taxable.times(-1), tax.times(-1));
    }
}
