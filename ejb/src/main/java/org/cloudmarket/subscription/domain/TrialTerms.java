package org.cloudmarket.subscription.domain;

import java.time.Duration;
import java.time.Instant;
import org.cloudmarket.catalog.domain.TrialMode;
import org.cloudmarket.pricing.Coupon;
import org.cloudmarket.shared.error.InvalidInput;

/**
 * A plan's trial (DOMAIN.md, Orders and subscriptions): whether the plan may be tried and how
 * (its {@link TrialMode}), for how many days, and whether the trial becomes a NORMAL subscription
 * at its end (otherwise it is terminated). One trial per product per customer, ever, is kept by
 * the database; {@link #decide} is the rule given what the database says.
 */
public record TrialTerms(TrialMode mode, int days, boolean convertsToNormal) {

    /** Why a trial is granted or not. */
    public enum Decision { GRANTED, NOT_ALLOWED, ALREADY_USED }

    public TrialTerms {
        if (days < 0) {
            throw new IllegalArgumentException("A trial lasts zero days or more: " + days);
        }
    }

    /** The plan's length when it sets one, else the product's. */
    public static TrialTerms of(TrialMode mode, Integer planDays, int productDays, boolean convertsToNormal) {
        return new TrialTerms(mode, planDays != null ? planDays : productDays, convertsToNormal);
    }

    /** An extended-trial coupon replaces the length; it never grants a trial the plan does not allow. */
    public TrialTerms extendedBy(Coupon.ExtendedTrial coupon) {
        return mode.allowsTrial() ? new TrialTerms(mode, coupon.days(), convertsToNormal) : this;
    }

    public Decision decide(boolean customerHadATrialOfTheProduct) {
        if (!mode.allowsTrial() || days == 0) {
            return Decision.NOT_ALLOWED;
        }
        return customerHadATrialOfTheProduct ? Decision.ALREADY_USED : Decision.GRANTED;
    }

    /** A TRIAL order the rule refuses is the buyer's error, named on the order's type. */
    public void requireGranted(boolean customerHadATrialOfTheProduct) {
        switch (decide(customerHadATrialOfTheProduct)) {
            case NOT_ALLOWED -> throw new InvalidInput("type", "This plan cannot be tried");
            case ALREADY_USED -> throw new InvalidInput("type", "Trial refused: already used, one trial per product per customer");
            case GRANTED -> { }
        }
    }

    /** Whether a payment method is asked for at the start, kept for the trial's end. */
    public boolean needsPaymentMethod() {
        return mode == TrialMode.ALLOWED;
    }

    /** Days of 24 hours from the start, so a trial lasts the same hours across a daylight-saving change. */
    public Instant endsAt(Instant start) {
        return start.plus(Duration.ofDays(days));
    }
}
