package org.cloudmarket.ordering.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.cloudmarket.pricing.Coupon.DiscountDestination;
import org.cloudmarket.shared.error.InvalidInput;
import org.junit.jupiter.api.Test;

/** An extended trial's budget: for EXTENDED_TRIAL coupons only, never negative. */
class CouponTermsTrialBudgetTest {

    private static final Instant FROM = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2027-01-01T00:00:00Z");

    @Test
    void anExtendedTrialKeepsItsBudget() {
        CouponTerms terms = new CouponTerms("LONG-TRIAL", Coupon.Effect.EXTENDED_TRIAL, null, null, null, 30, FROM, UNTIL, true, null, 5);

        assertThat(terms.trialBudget()).isEqualTo(5);
    }

    @Test
    void aBudgetOnAnotherEffectOrBelowZeroIsRefusedNamingIt() {
        assertThatThrownBy(() -> new CouponTerms("TEN-OFF", Coupon.Effect.PERCENT_OFF, BigDecimal.TEN, null, DiscountDestination.TOTAL,
                null, FROM, UNTIL, true, null, 5)).isInstanceOfSatisfying(InvalidInput.class,
                refused -> assertThat(refused.field()).isEqualTo("trialBudget"));
        assertThatThrownBy(() -> new CouponTerms("LONG-TRIAL", Coupon.Effect.EXTENDED_TRIAL, null, null, null, 30, FROM, UNTIL, true,
                null, -1)).isInstanceOf(InvalidInput.class);
    }
}
