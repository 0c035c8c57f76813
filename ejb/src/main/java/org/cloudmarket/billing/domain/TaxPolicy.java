package org.cloudmarket.billing.domain;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.money.Decimals;

/**
 * The VAT treatment of an invoice from the issuer's country and the customer (DOMAIN, Decisions: Tax).
 * Domestic rates default to the EU member states' standard rates and are overridden per country by the
 * tenant's settings {@code billing.vat.<ISO country>}.
 */
public final class TaxPolicy {

    /** The tenant setting that overrides a country's domestic rate, followed by the ISO country code. */
    public static final String SETTING_PREFIX = "billing.vat.";

    static final String REVERSE_CHARGE_NOTE =
            "Reverse charge: VAT to be accounted for by the recipient, art. 196 Directive 2006/112/EC";
    static final String EXPORT_NOTE =
            "Not subject to EU VAT: place of supply outside the EU, art. 44 and 59 Directive 2006/112/EC";

    /** Standard rates of the 27 member states (in force since 2025), by ISO 3166 code: Greece is GR, not VIES's EL. */
    public static final Map<String, BigDecimal> EU_STANDARD_RATES = Map.ofEntries(
            rate("AT", "20"), rate("BE", "21"), rate("BG", "20"), rate("CY", "19"), rate("CZ", "21"),
            rate("DE", "19"), rate("DK", "25"), rate("EE", "24"), rate("ES", "21"), rate("FI", "25.5"),
            rate("FR", "20"), rate("GR", "24"), rate("HR", "25"), rate("HU", "27"), rate("IE", "23"),
            rate("IT", "22"), rate("LT", "21"), rate("LU", "17"), rate("LV", "21"), rate("MT", "18"),
            rate("NL", "21"), rate("PL", "23"), rate("PT", "23"), rate("RO", "21"), rate("SE", "25"),
            rate("SI", "22"), rate("SK", "23"));

    private final Map<String, BigDecimal> domesticRates;

    /** The EU table with the given countries' rates (percent) replacing or adding to it. */
    public TaxPolicy(Map<String, BigDecimal> overrides) {
        Map<String, BigDecimal> rates = new HashMap<>(EU_STANDARD_RATES);
        overrides.forEach((country, percent) -> rates.put(country.strip().toUpperCase(Locale.ROOT), percent));
        this.domesticRates = Map.copyOf(rates);
    }

    /** The policy of a tenant: its {@code billing.vat.<country>} settings over the EU table; other settings ignored. */
    public static TaxPolicy fromSettings(Map<String, String> settings) {
        Map<String, BigDecimal> overrides = new HashMap<>();
        settings.forEach((key, value) -> {
            if (key.startsWith(SETTING_PREFIX)) {
                overrides.put(key.substring(SETTING_PREFIX.length()), percent(key, value));
            }
        });
        return new TaxPolicy(overrides);
    }

    public TaxTreatment treatment(Party issuer, Party customer) {
        String home = issuer.country();
        if (!isEu(home)) {
            // the EU's reverse charge and export rules are the EU's; an issuer elsewhere charges its own rate
            return TaxTreatment.standard(domesticRate(home));
        }
        if (!isEu(customer.country())) {
            return new TaxTreatment(BigDecimal.ZERO, TaxTreatment.EXPORT, EXPORT_NOTE);
        }
        if (!customer.country().equals(home) && customer.isBusinessWithVatNumber()) {
            // the VAT number's format is checked where it is entered; its VIES validity is the caller's to confirm
            return new TaxTreatment(BigDecimal.ZERO, TaxTreatment.REVERSE_CHARGE, REVERSE_CHARGE_NOTE);
        }
        // A person in another member state pays the issuer's rate too: the art. 59c simplification for sellers
        // under the EUR 10,000 threshold of cross-border e-services; charging the customer's rate (OSS) is not ours yet.
        return TaxTreatment.standard(domesticRate(home));
    }

    public BigDecimal domesticRate(String country) {
        BigDecimal rate = domesticRates.get(country);
        if (rate == null) {
            throw new InvalidInput(SETTING_PREFIX + country,
                    "No VAT rate is known for " + country + ": set " + SETTING_PREFIX + country + " in the marketplace settings");
        }
        return rate;
    }

    public static boolean isEu(String country) {
        return EU_STANDARD_RATES.containsKey(country);
    }

    private static BigDecimal percent(String key, String value) {
        BigDecimal percent = Decimals.parse(key, value);
        if (percent == null || percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) >= 0) {
            throw new InvalidInput(key, key + " is a VAT rate in percent, from 0 to under 100, like 22 or 25.5");
        }
        return percent;
    }

    private static Map.Entry<String, BigDecimal> rate(String country, String percent) {
        return Map.entry(country, new BigDecimal(percent));
    }
}
