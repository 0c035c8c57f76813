package org.cloudmarket.ordering.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import org.cloudmarket.ordering.domain.Coupon.Effect;
import org.cloudmarket.pricing.Coupon.DiscountDestination;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.money.Decimals;
import org.cloudmarket.shared.money.Money;

/**
 * A coupon as its issuer writes it (DOMAIN.md, Coupons): a code, an effect with exactly the values
 * it needs, a validity window, one-time or reusable use, an optional target e-mail and, for an
 * extended trial, an optional budget (how many trials it may still grant; null is no limit).
 */
public record CouponTerms(String code, Effect effect, BigDecimal percentOff, Money amount, DiscountDestination destination,
                          Integer trialDays, Instant validFrom, Instant validUntil, boolean reusable, String targetEmail,
                          Integer trialBudget) {

    /** A coupon without a trial budget. */
    public CouponTerms(String code, Effect effect, BigDecimal percentOff, Money amount, DiscountDestination destination,
                       Integer trialDays, Instant validFrom, Instant validUntil, boolean reusable, String targetEmail) {
        this(code, effect, percentOff, amount, destination, trialDays, validFrom, validUntil, reusable, targetEmail, null);
    }

    public CouponTerms {
        code = code == null ? null : code.strip().toUpperCase(Locale.ROOT);
        if (code == null || !code.matches("[A-Z0-9-]{3,40}")) {
            throw new InvalidInput("code", "A coupon code is 3 to 40 letters, digits or dashes");
        }
        if (effect == null) {
            throw new InvalidInput("effect", "effect is PERCENT_OFF, AMOUNT_OFF, PRICE_OVERRIDE or EXTENDED_TRIAL");
        }
        Decimals.bounded("percentOff", percentOff);
        Decimals.bounded("amount", amount == null ? null : amount.amount());
        if (amount != null && amount.amount().stripTrailingZeros().scale() > 4) {
            throw new InvalidInput("amount", "An amount has at most 4 decimals");
        }
        switch (effect) {
            case PERCENT_OFF -> {
                if (percentOff == null || percentOff.signum() <= 0 || percentOff.compareTo(BigDecimal.valueOf(100)) > 0
                        || percentOff.stripTrailingZeros().scale() > 2) {
                    throw new InvalidInput("percentOff", "A percentage off is more than 0 and at most 100, with 2 decimals");
                }
                requireDestination(destination);
            }
            case AMOUNT_OFF -> {
                requirePositive(amount);
                requireDestination(destination);
            }
            case PRICE_OVERRIDE -> {
                if (amount == null || amount.isNegative() || amount.amount().compareTo(new BigDecimal("1e15")) >= 0) {
                    throw new InvalidInput("amount", "A private price is zero or more");
                }
            }
            case EXTENDED_TRIAL -> {
                if (trialDays == null || trialDays < 1 || trialDays > 365) {
                    throw new InvalidInput("trialDays", "An extended trial lasts 1 to 365 days");
                }
            }
            default -> throw new IllegalStateException(effect.name());
        }
        if (trialBudget != null && (effect != Effect.EXTENDED_TRIAL || trialBudget < 0 || trialBudget > 1_000_000)) {
            throw new InvalidInput("trialBudget", "A trial budget is 0 to 1000000 trials, for an EXTENDED_TRIAL coupon only");
        }
        if (validFrom == null || validUntil == null || !validUntil.isAfter(validFrom)) {
            throw new InvalidInput("validUntil", "A coupon is valid from a moment until a later one");
        }
        if (targetEmail != null && (targetEmail.isBlank() || !targetEmail.contains("@") || targetEmail.length() > 254)) {
            throw new InvalidInput("targetEmail", "The target is an e-mail address");
        }
    }

    private static void requirePositive(Money amount) {
        if (amount == null || amount.amount().signum() <= 0 || amount.amount().compareTo(new BigDecimal("1e15")) >= 0) {
            throw new InvalidInput("amount", "An amount off is more than zero");
        }
    }

    private static void requireDestination(DiscountDestination destination) {
        if (destination == null) {
            throw new InvalidInput("destination", "destination is LICENSE, LICENSE_AND_EXTRA_RESOURCES or TOTAL");
        }
    }
}
