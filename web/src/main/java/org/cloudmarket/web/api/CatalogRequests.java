package org.cloudmarket.web.api;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.cloudmarket.catalog.domain.ExtraResourceTerms;
import org.cloudmarket.catalog.domain.MetricTerms;
import org.cloudmarket.catalog.domain.PaymentMethod;
import org.cloudmarket.catalog.domain.PlanTerms;
import org.cloudmarket.catalog.domain.ProductDetails;
import org.cloudmarket.catalog.service.BundleComponentRef;
import org.cloudmarket.catalog.service.TierView;
import org.cloudmarket.pricing.BillingUnit;
import org.cloudmarket.pricing.ExtraResourceBilling;
import org.cloudmarket.pricing.MetricPricing;
import org.cloudmarket.pricing.PricingScheme;
import org.cloudmarket.shared.error.InvalidInput;

/** The JSON bodies of the catalog API and their translation into the domain's checked values. */
final class CatalogRequests {

    private CatalogRequests() {
    }

    public record ProductRequest(String name, String summary, String description, Long categoryId, List<String> tags,
                                 String faq, String terms, String privacy, Integer trialDays, String kind) {

        ProductDetails details() {
            return new ProductDetails(name, summary, description, categoryId, tags, faq, terms, privacy,
                    trialDays == null ? 0 : trialDays);
        }
    }

    public record PlanRequest(String name, String currency, BigDecimal licensePrice, BigDecimal setupFee, Integer billingFrequency,
                              String billingUnit, Integer minimumDuration, Boolean trialAllowed, Boolean approvalRequired,
                              Boolean selfBilled, List<String> paymentMethods) {

        PlanTerms terms(Currency marketplaceCurrency) {
            Currency priced = currency == null ? marketplaceCurrency : currency(currency);
            Set<PaymentMethod> methods = EnumSet.noneOf(PaymentMethod.class);
            (paymentMethods == null ? List.of("CARD", "PAYPAL", "BANK_TRANSFER") : paymentMethods)
                    .forEach(method -> methods.add(Inputs.requiredEnum("paymentMethods", PaymentMethod.class, method)));
            int frequency = billingFrequency == null ? 1 : billingFrequency;
            return new PlanTerms(name, priced, Inputs.bounded("licensePrice", licensePrice), Inputs.bounded("setupFee", setupFee),
                    frequency,
                    billingUnit == null ? BillingUnit.MONTHS : Inputs.requiredEnum("billingUnit", BillingUnit.class, billingUnit),
                    minimumDuration == null ? frequency : minimumDuration, Boolean.TRUE.equals(trialAllowed),
                    Boolean.TRUE.equals(approvalRequired), Boolean.TRUE.equals(selfBilled), methods);
        }

        private static Currency currency(String code) {
            try {
                return Currency.getInstance(code);
            } catch (IllegalArgumentException e) {
                throw new InvalidInput("currency", code + " is not an ISO 4217 currency code");
            }
        }
    }

    /**
     * {@code billing} PRE_PAID, POST_PAID or PAY_AS_YOU_GO (with its {@code metricCode}); an older client's {@code prepaid}
     * is read when billing is absent: true (or absent too) PRE_PAID, false POST_PAID.
     */
    public record ExtraResourceRequest(String code, String name, String unit, String billing, Boolean prepaid, String metricCode,
                                       String scheme, List<TierView> tiers) {

        ExtraResourceTerms terms() {
            return new ExtraResourceTerms(code, name, unit, billingKind(), metricCode,
                    Inputs.requiredEnum("scheme", PricingScheme.class, scheme), TierView.table(tiers));
        }

        private ExtraResourceBilling billingKind() {
            return billing == null ? ExtraResourceBilling.ofPrepaid(!Boolean.FALSE.equals(prepaid), ExtraResourceBilling.POST_PAID)
                    : Inputs.requiredEnum("billing", ExtraResourceBilling.class, billing);
        }
    }

    /** A metric; one with an {@code endpoint} is polled at its {@code frequency}; a {@code quota} limits it per period. */
    public record MetricRequest(String code, String name, String unit, String kind, String aggregation, BigDecimal includedQuantity,
                                BigDecimal unitPrice, String scheme, List<TierView> tiers, String endpoint, String frequency,
                                BigDecimal quota, Boolean quotaBlocking) {

        MetricTerms terms() {
            return new MetricTerms(code, name, unit, Inputs.requiredEnum("kind", MetricPricing.Kind.class, kind),
                    Inputs.enumValue("aggregation", MetricPricing.Aggregation.class, aggregation),
                    Inputs.bounded("includedQuantity", includedQuantity), Inputs.bounded("unitPrice", unitPrice),
                    Inputs.enumValue("scheme", PricingScheme.class, scheme), TierView.table(tiers), endpoint, frequency,
                    Inputs.bounded("quota", quota), Boolean.TRUE.equals(quotaBlocking));
        }
    }

    public record BundleRequest(List<BundleComponentRef> components) {
    }

    public record DecisionRequest(String reason) {
    }
}
