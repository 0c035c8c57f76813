package org.cloudmarket.shared.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.cloudmarket.shared.error.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The one bound on a client's decimals: 15 digits before the point, 6 after, checked without building the number. */
class DecimalsTest {

    @Test
    void theLargestAndFinestValuesWithinTheBoundPass() {
        assertThat(Decimals.parse("price", "999999999999999.999999")).isEqualByComparingTo("999999999999999.999999");
        assertThat(Decimals.parse("rate", "0.000001")).isEqualByComparingTo("0.000001");
        assertThat(Decimals.parse("price", "-12.50")).isEqualByComparingTo("-12.50");
        assertThat(Decimals.parse("price", "1E+14")).isEqualByComparingTo("100000000000000");
        assertThat(Decimals.bounded("price", new BigDecimal("8.000000000"))).isEqualByComparingTo("8");
        assertThat(Decimals.bounded("price", BigDecimal.ZERO)).isZero();
    }

    @Test
    void blankAndNullMeanNotGiven() {
        assertThat(Decimals.parse("minPrice", "  ")).isNull();
        assertThat(Decimals.parse("minPrice", null)).isNull();
        assertThat(Decimals.bounded("minPrice", null)).isNull();
    }

    @Test
    @Timeout(5)
    void aSixteenthIntegerDigitOrASeventhDecimalIsRefusedNamingTheField() {
        assertRefused("price", "1000000000000000");
        assertRefused("price", "1E+15");
        assertRefused("rate", "0.0000001");
        assertRefused("quantity", "-1000000000000000");
    }

    @Test
    @Timeout(value = 5)
    void aBillionDigitNumberIsRefusedBeforeAnythingBuildsIt() {
        assertRefused("minPrice", "1e999999999");
        assertRefused("quantity", "1e-999999999");
        assertThatThrownBy(() -> Decimals.bounded("usage", new BigDecimal("1e999999999")))
                .isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.field()).isEqualTo("usage"));
        assertRefused("minPrice", "1" + "0".repeat(100_000));
    }

    @Test
    void textThatIsNoNumberIsRefusedNamingTheField() {
        assertRefused("maxPrice", "cheap");
        assertRefused("maxPrice", "1e");
    }

    private static void assertRefused(String field, String text) {
        assertThatThrownBy(() -> Decimals.parse(field, text))
                .isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.field()).isEqualTo(field));
    }
}
