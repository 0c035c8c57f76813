package org.cloudmarket.catalog.domain;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import org.cloudmarket.pricing.BillingUnit;
import org.cloudmarket.pricing.PlanPricing;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.money.Decimals;
import org.cloudmarket.shared.money.Money;

/**
 * What a vendor sets on a plan: prices, billing frequency, minimum duration and the flags of
 * DOMAIN.md. The pricing engine's own checks run here too, so a plan that could not be priced
 * is never stored.
 */
public record PlanTerms(String name, Currency currency, BigDecimal license, BigDecimal setupFee, int billingFrequency,
                        BillingUnit billingUnit, int minimumDuration, TrialMode trialMode, Integer trialDays, boolean trialConverts,
                        boolean autoRenew, boolean approvalRequired, boolean selfBilled, Set<PaymentMethod> paymentMethods) {

    /** A plan whose trial, when allowed, asks for no payment method, lasts the product's length and ends the subscription. */
    public PlanTerms(String name, Currency currency, BigDecimal license, BigDecimal setupFee, int billingFrequency,
                     BillingUnit billingUnit, int minimumDuration, boolean trialAllowed, boolean approvalRequired,
                     boolean selfBilled, Set<PaymentMethod> paymentMethods) {
        this(name, currency, license, setupFee, billingFrequency, billingUnit, minimumDuration,
                trialAllowed ? TrialMode.ALLOWED_WITHOUT_PAYMENT_METHOD : TrialMode.NOT_ALLOWED, null, false, true,
                approvalRequired, selfBilled, paymentMethods);
    }

    public PlanTerms {
        if (name == null || name.isBlank() || name.strip().length() > 120) {
            throw new InvalidInput("name", "A plan needs a name of at most 120 characters");
        }
        name = name.strip();
        if (license == null) {
            throw new InvalidInput("licensePrice", "licensePrice is required (it may be zero)");
        }
        Decimals.bounded("licensePrice", license);
        setupFee = setupFee == null ? BigDecimal.ZERO : Decimals.bounded("setupFee", setupFee);
        if (billingUnit == null) {
            throw new InvalidInput("billingUnit", "billingUnit is MONTHS or HOURS");
        }
        if (license.scale() > 4) {
            throw new InvalidInput("licensePrice", "Prices have at most 4 decimals");
        }
        if (setupFee.scale() > 4) {
            throw new InvalidInput("setupFee", "Prices have at most 4 decimals");
        }
        if (paymentMethods == null || paymentMethods.isEmpty()) {
            throw new InvalidInput("paymentMethods", "Accept at least one payment method: CARD, PAYPAL or BANK_TRANSFER");
        }
        paymentMethods = Set.copyOf(paymentMethods);
        trialMode = trialMode == null ? TrialMode.NOT_ALLOWED : trialMode;
        if (trialDays != null && (trialDays < 1 || trialDays > 365)) {
            throw new InvalidInput("trialDays", "A trial lasts 1 to 365 days (leave it out for the product's length)");
        }
        if (license.signum() < 0) {
            throw new InvalidInput("licensePrice", "Prices cannot be negative");
        }
        if (setupFee.signum() < 0) {
            throw new InvalidInput("setupFee", "Prices cannot be negative");
        }
        // the engine's checks: frequency of 1 or more, minimum duration a multiple of it
        new PlanPricing(name, new Money(license, currency), new Money(setupFee, currency), billingFrequency, billingUnit,
                minimumDuration, 0, List.of());
    }
}
