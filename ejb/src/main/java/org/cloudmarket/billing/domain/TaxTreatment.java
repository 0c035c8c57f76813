package org.cloudmarket.billing.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The VAT an invoice charges: the rate in percent, the EN 16931 category code (UNCL 5305: S standard,
 * AE reverse charge, G export) and the legal note the invoice must print when no VAT is charged.
 */
public record TaxTreatment(BigDecimal ratePercent, String category, String note) {

    public static final String STANDARD = "S";
    public static final String REVERSE_CHARGE = "AE";
    public static final String EXPORT = "G";

    public TaxTreatment {
        Objects.requireNonNull(ratePercent, "ratePercent");
        Objects.requireNonNull(category, "category");
    }

    public static TaxTreatment standard(BigDecimal ratePercent) {
        return new TaxTreatment(ratePercent, STANDARD, null);
    }
}
