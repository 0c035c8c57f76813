package org.cloudmarket.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DOMAIN, Decisions: Who collects. A self-billing vendor owes the platform fee, a self-billing reseller the sell-in price. */
class SelfBilledFeeTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    @Test
    void aVendorOwesThePlatformFeeAndAResellerTheSellInAmountOfEachLine() {
        List<Proceed.Chain> chains = List.of(chain("15.00", "10.00", "13.00", "1.00"), chain("6.00", "3.00", "4.50", "0.30"),
                chain("-2.10", null, null, null));

        assertThat(SelfBilledFee.owed(SelfBilledFee.Debtor.VENDOR, chains)).isEqualByComparingTo("1.30");
        assertThat(SelfBilledFee.owed(SelfBilledFee.Debtor.RESELLER, chains)).isEqualByComparingTo("17.50");
    }

    private static Proceed.Chain chain(String amount, String vendor, String sellIn, String fee) {
        return new Proceed.Chain(EUR, new BigDecimal(amount), new BigDecimal(amount), EUR, vendor == null ? null : new BigDecimal(vendor),
                null, sellIn == null ? null : new BigDecimal(sellIn), fee == null ? null : new BigDecimal(fee), null);
    }
}
