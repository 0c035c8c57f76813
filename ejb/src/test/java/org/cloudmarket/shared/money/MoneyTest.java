package org.cloudmarket.shared.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void roundsHalfUpToTheCurrencysMinorUnit() {
        assertThat(Money.of("31.665", "EUR").rounded()).isEqualTo(Money.of("31.67", "EUR"));
        assertThat(Money.of("1234.5", "JPY").rounded()).isEqualTo(Money.of("1235", "JPY"));
    }

    @Test
    void divisionKeepsNineDecimalsUntilTheLineIsRounded() {
        Money third = Money.of("10.00", "EUR").dividedBy(new BigDecimal("3"));

        assertThat(third.amount()).isEqualByComparingTo("3.333333333");
        assertThat(third.times(3).rounded()).isEqualTo(Money.of("10.00", "EUR"));
    }

    @Test
    void currenciesDoNotMix() {
        assertThatThrownBy(() -> Money.of("1", "EUR").plus(Money.of("1", "USD"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void amountsCompareWhateverTheirScale() {
        assertThat(Money.of("63", "EUR").isSameAmountAs(Money.of("63.00", "EUR"))).isTrue();
    }
}
