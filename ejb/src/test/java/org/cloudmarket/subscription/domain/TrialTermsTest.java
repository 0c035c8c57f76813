package org.cloudmarket.subscription.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.cloudmarket.catalog.domain.TrialMode;
import org.cloudmarket.pricing.Coupon;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.subscription.domain.TrialTerms.Decision;
import org.junit.jupiter.api.Test;

/** DOMAIN.md: trials are set per plan; one per product per customer, ever; an extended-trial coupon changes the length only. */
class TrialTermsTest {

    @Test
    void theLengthIsThePlansWhenSetElseTheProducts() {
        assertThat(TrialTerms.of(TrialMode.ALLOWED_WITHOUT_PAYMENT_METHOD, 14, 30, true).days()).isEqualTo(14);
        assertThat(TrialTerms.of(TrialMode.ALLOWED_WITHOUT_PAYMENT_METHOD, null, 30, true).days()).isEqualTo(30);
    }

    @Test
    void anExtendedTrialCouponReplacesTheLength() {
        TrialTerms terms = TrialTerms.of(TrialMode.ALLOWED_WITHOUT_PAYMENT_METHOD, 14, 30, false);

        TrialTerms extended = terms.extendedBy(new Coupon.ExtendedTrial(60));

        assertThat(extended).isEqualTo(new TrialTerms(TrialMode.ALLOWED_WITHOUT_PAYMENT_METHOD, 60, false));
        // a shorter coupon replaces too: the coupon sets the length, it does not add to it
        assertThat(terms.extendedBy(new Coupon.ExtendedTrial(7)).days()).isEqualTo(7);
    }

    @Test
    void aCouponNeverGrantsATrialThePlanDoesNotAllow() {
        TrialTerms none = TrialTerms.of(TrialMode.NOT_ALLOWED, null, 30, false);

        assertThat(none.extendedBy(new Coupon.ExtendedTrial(60))).isEqualTo(none);
        assertThat(none.extendedBy(new Coupon.ExtendedTrial(60)).decide(false)).isEqualTo(Decision.NOT_ALLOWED);
    }

    @Test
    void aSecondTrialOfTheProductIsRefusedAsAlreadyUsed() {
        TrialTerms terms = TrialTerms.of(TrialMode.ALLOWED_WITHOUT_PAYMENT_METHOD, 14, 30, true);

        assertThat(terms.decide(false)).isEqualTo(Decision.GRANTED);
        assertThat(terms.decide(true)).isEqualTo(Decision.ALREADY_USED);
        assertThat(terms.extendedBy(new Coupon.ExtendedTrial(60)).decide(true)).isEqualTo(Decision.ALREADY_USED);
        assertThatThrownBy(() -> terms.requireGranted(true)).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("already used").extracting("field").isEqualTo("type");
    }

    @Test
    void aPlanThatDoesNotAllowTrialsOrGivesNoDaysRefusesThem() {
        assertThat(TrialTerms.of(TrialMode.NOT_ALLOWED, 14, 30, true).decide(false)).isEqualTo(Decision.NOT_ALLOWED);
        assertThat(TrialTerms.of(TrialMode.ALLOWED_WITHOUT_PAYMENT_METHOD, 0, 30, true).decide(false)).isEqualTo(Decision.NOT_ALLOWED);
        assertThatThrownBy(() -> TrialTerms.of(TrialMode.NOT_ALLOWED, 14, 30, true).requireGranted(false))
                .isInstanceOf(InvalidInput.class).extracting("field").isEqualTo("type");
    }

    @Test
    void onlyTheAllowedModeAsksForAPaymentMethod() {
        assertThat(TrialTerms.of(TrialMode.ALLOWED, 14, 30, true).needsPaymentMethod()).isTrue();
        assertThat(TrialTerms.of(TrialMode.ALLOWED_WITHOUT_PAYMENT_METHOD, 14, 30, true).needsPaymentMethod()).isFalse();
    }

    @Test
    void aTrialEndsItsDaysAfterItsStartAndSaysWhetherItConverts() {
        TrialTerms terms = TrialTerms.of(TrialMode.ALLOWED_WITHOUT_PAYMENT_METHOD, null, 30, true);

        assertThat(terms.endsAt(Instant.parse("2027-03-15T09:30:00Z"))).isEqualTo(Instant.parse("2027-04-14T09:30:00Z"));
        assertThat(terms.convertsToNormal()).isTrue();
    }
}
