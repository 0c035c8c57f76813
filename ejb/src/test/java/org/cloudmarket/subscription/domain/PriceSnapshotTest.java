package org.cloudmarket.subscription.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cloudmarket.shared.text.Jsons.JSON;

import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import org.cloudmarket.pricing.BillingUnit;
import org.cloudmarket.pricing.ExchangeRate;
import org.cloudmarket.pricing.ExtraResourceBilling;
import org.cloudmarket.pricing.ExtraResourcePricing;
import org.cloudmarket.pricing.MetricPricing;
import org.cloudmarket.pricing.MetricPricing.Aggregation;
import org.cloudmarket.pricing.MetricPricing.Kind;
import org.cloudmarket.pricing.PlanPricing;
import org.cloudmarket.pricing.PricingScheme;
import org.cloudmarket.pricing.Tier;
import org.cloudmarket.pricing.TierTable;
import org.cloudmarket.shared.money.Money;
import org.junit.jupiter.api.Test;

/** DOMAIN.md, Price changes: a subscription keeps the prices of its window's start. */
class PriceSnapshotTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency USD = Currency.getInstance("USD");
    private static final TierTable DOMAIN_TIERS = TierTable.of(Tier.between(1, 9, "5.00"), Tier.from(10, "3.00"));

    @Test
    void everyFieldOfEveryLevelSurvivesTheRoundTrip() {
        PriceSnapshot snapshot = new PriceSnapshot(plan("EUR", "10.00"), plan("EUR", "12.50"), plan("EUR", "12.50"), plan("USD", "14.715000000"),
                EUR, USD, new ExchangeRate(EUR, USD, new BigDecimal("1.085000")));

        PriceSnapshot back = PriceSnapshot.fromJson(snapshot.toJson());

        assertThat(back).isEqualTo(snapshot);
        // equal records, scales included: 1.085000 stays 1.085000 and 14.715000000 is not 14.715
        assertThat(back.exchangeRate().rate().scale()).isEqualTo(6);
        assertThat(back.sellOut().license().amount().scale()).isEqualTo(9);
        assertThat(back.sellOut().extraResources()).extracting(ExtraResourcePricing::scheme)
                .containsExactly(PricingScheme.TIERED, PricingScheme.VOLUME, PricingScheme.STAIRSTEP);
        assertThat(back.sellOut().extraResources().get(1).tiers()).isEqualTo(DOMAIN_TIERS);
    }

    @Test
    void theSellOutPlansBillingUnitAndFrequencyAreWhereTheirPathsSay() {
        PlanPricing vendor = plan("EUR", "10.00");
        PlanPricing yearly = new PlanPricing("Nimbus Mail Pro", Money.of("99.00", "EUR"), Money.of("25.00", "EUR"), 2, BillingUnit.HOURS, 2, 0,
                vendor.extraResources(), vendor.metrics());
        JsonObject json = JSON.createReader(new StringReader(new PriceSnapshot(vendor, vendor, vendor, yearly, EUR, EUR, null).toJson())).readObject();

        // what SQL's JSON_VALUE reads for the usage intake (UsageIntake) instead of the whole snapshot
        assertThat(json.getValue(pointer(PriceSnapshot.SELL_OUT_UNIT))).isEqualTo(JSON.createValue("HOURS"));
        assertThat(json.getValue(pointer(PriceSnapshot.SELL_OUT_FREQUENCY))).isEqualTo(JSON.createValue(2));
    }

    /** "$.a.b" as the JSON pointer "/a/b". */
    private static String pointer(String path) {
        return path.substring(1).replace('.', '/');
    }

    @Test
    void aSnapshotInOneCurrencyHasNoRate() {
        PriceSnapshot snapshot = new PriceSnapshot(plan("EUR", "10.00"), plan("EUR", "10.00"), plan("EUR", "10.00"), plan("EUR", "10.00"),
                EUR, EUR, null);

        assertThat(snapshot.toJson()).contains("\"exchangeRate\":null");
        assertThat(PriceSnapshot.fromJson(snapshot.toJson())).isEqualTo(snapshot);
    }

    @Test
    void theRatesCurrenciesAreTheSnapshots() {
        assertThatThrownBy(() -> new PriceSnapshot(plan("EUR", "1"), plan("EUR", "1"), plan("EUR", "1"), plan("USD", "1"), EUR, USD, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PriceSnapshot(plan("EUR", "1"), plan("EUR", "1"), plan("EUR", "1"), plan("EUR", "1"), EUR, USD,
                new ExchangeRate(EUR, USD, BigDecimal.ONE))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSnapshotWrittenBeforeBillingKindsReadsAsTheMigrationReadsTheCatalog() {
        PlanPricing written = plan("EUR", "10.00");
        String json = new PriceSnapshot(written, written, written, written, EUR, EUR, null).toJson();
        assertThat(json).contains("\"billing\":\"PRE_PAID\",\"metricCode\":null", "\"billing\":\"PAY_AS_YOU_GO\",\"metricCode\":\"users\"")
                .doesNotContain("prepaid");
        String old = json.replace("\"billing\":\"PRE_PAID\",\"metricCode\":null", "\"prepaid\":true")
                .replace("\"billing\":\"POST_PAID\",\"metricCode\":null", "\"prepaid\":true")
                .replace("\"billing\":\"PAY_AS_YOU_GO\",\"metricCode\":\"users\"", "\"prepaid\":false")
                .replace("\"aggregation\":\"VALUE\"", "\"aggregation\":\"AVERAGE\"");
        assertThat(old).doesNotContain("\"billing\"").contains("\"prepaid\":false");

        PlanPricing read = PriceSnapshot.fromJson(old).sellOut();

        assertThat(read.extraResources()).extracting(ExtraResourcePricing::billing).containsExactly(ExtraResourceBilling.PRE_PAID,
                ExtraResourceBilling.PRE_PAID, ExtraResourceBilling.PAY_AS_YOU_GO);
        assertThat(read.extraResources().get(2).metricCode()).as("no metric of the code traffic").isNull();
        assertThat(read.metrics().get(1).aggregation()).as("an old counter's AVERAGE").isEqualTo(Aggregation.INCREASE);
        assertThat(read.metrics().get(0).aggregation()).isEqualTo(Aggregation.AVERAGE);
    }

    @Test
    void aMalformedSnapshotFailsLoudly() {
        String good = new PriceSnapshot(plan("EUR", "10.00"), plan("EUR", "10.00"), plan("EUR", "10.00"), plan("EUR", "10.00"),
                EUR, EUR, null).toJson();

        for (String bad : List.of("", "{", "[]", "{}",
                good.replaceFirst("\"license\":\"10.00\"", "\"license\":\"ten\""),
                good.replaceFirst("\"license\":\"10.00\"", "\"license\":10.00"),
                good.replaceFirst("\"unit\":\"MONTHS\"", "\"unit\":\"WEEKS\""),
                good.replaceFirst(",\"trialDays\":30", ""),
                good.replaceFirst("\"billing\":\"PRE_PAID\"", "\"billing\":\"PREPAID\""),
                good.replaceFirst("\"from\":1,", "\"from\":2,"),
                good.replaceFirst("\"currency\":\"EUR\"", "\"currency\":\"EURO\""),
                good.replaceFirst("\"billingFrequency\":1", "\"billingFrequency\":1.5"))) {
            assertThat(bad).as("a mutation the test means to make").isNotEqualTo(good);
            assertThatThrownBy(() -> PriceSnapshot.fromJson(bad)).as(bad).isInstanceOf(PriceSnapshot.Malformed.class);
        }
    }

    /** A plan with an extra resource of each scheme and a metric of each pricing. */
    private static PlanPricing plan(String currency, String license) {
        List<ExtraResourcePricing> extras = List.of(
                new ExtraResourcePricing("seats", "Seats", "seat", PricingScheme.TIERED, DOMAIN_TIERS, ExtraResourceBilling.PRE_PAID),
                new ExtraResourcePricing("disk", "Disk", "GB", PricingScheme.VOLUME, DOMAIN_TIERS, ExtraResourceBilling.POST_PAID),
                new ExtraResourcePricing("traffic", "Traffic", "TB", PricingScheme.STAIRSTEP,
                        TierTable.of(Tier.between(1, 9, "30.00"), Tier.between(10, 50, "100.00")), ExtraResourceBilling.PAY_AS_YOU_GO, "users"));
        List<MetricPricing> metrics = List.of(
                MetricPricing.perUnit("users", "Users", "user", Kind.GAUGE, Aggregation.AVERAGE, new BigDecimal("0"), new BigDecimal("2.00")),
                MetricPricing.tiered("calls", "API calls", "call", Kind.COUNTER, Aggregation.VALUE, new BigDecimal("1000.5"),
                        PricingScheme.VOLUME, TierTable.of(Tier.between(1, 999, "0.0100"), Tier.from(1000, "0.0050"))));
        return new PlanPricing("Nimbus Mail Pro", Money.of(license, currency), Money.of("25.00", currency), 1, BillingUnit.MONTHS, 12, 30,
                extras, metrics);
    }
}
