package org.cloudmarket.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cloudmarket.billing.domain.Parties.ACME_IT;
import static org.cloudmarket.billing.domain.Parties.DE_COMPANY_WITHOUT_VAT_NUMBER;
import static org.cloudmarket.billing.domain.Parties.DUPONT_FR;
import static org.cloudmarket.billing.domain.Parties.GMBH_DE;
import static org.cloudmarket.billing.domain.Parties.ROMA_IT_COMPANY;
import static org.cloudmarket.billing.domain.Parties.ROSSI_IT;
import static org.cloudmarket.billing.domain.Parties.US_INC;

import java.math.BigDecimal;
import java.util.Map;
import org.cloudmarket.shared.error.InvalidInput;
import org.junit.jupiter.api.Test;

class TaxPolicyTest {

    private final TaxPolicy defaults = new TaxPolicy(Map.of());

    @Test
    void anItalianPersonPaysTheItalianStandardRate() {
        TaxTreatment tax = defaults.treatment(ACME_IT, ROSSI_IT);

        assertThat(tax.ratePercent()).isEqualByComparingTo("22");
        assertThat(tax.category()).isEqualTo("S");
        assertThat(tax.note()).isNull();
    }

    @Test
    void anItalianCompanyIsDomesticAndPaysTheStandardRateToo() {
        assertThat(defaults.treatment(ACME_IT, ROMA_IT_COMPANY)).isEqualTo(TaxTreatment.standard(new BigDecimal("22")));
    }

    @Test
    void aGermanCompanyWithAVatNumberBuyingFromItalyIsReverseCharged() {
        TaxTreatment tax = defaults.treatment(ACME_IT, GMBH_DE);

        assertThat(tax.ratePercent()).isEqualByComparingTo("0");
        assertThat(tax.category()).isEqualTo("AE");
        assertThat(tax.note()).contains("Reverse charge").contains("art. 196 Directive 2006/112/EC");
    }

    @Test
    void aGermanCompanyWithoutAVatNumberIsNoTaxablePersonAndPaysTheIssuersRate() {
        assertThat(defaults.treatment(ACME_IT, DE_COMPANY_WITHOUT_VAT_NUMBER).category()).isEqualTo("S");
    }

    @Test
    void aPersonInAnotherMemberStatePaysTheIssuersDomesticRate() {
        TaxTreatment tax = defaults.treatment(ACME_IT, DUPONT_FR);

        assertThat(tax.ratePercent()).isEqualByComparingTo("22");
        assertThat(tax.category()).isEqualTo("S");
    }

    @Test
    void aCustomerOutsideTheEuIsAnExportAtZeroWithItsNote() {
        TaxTreatment tax = defaults.treatment(ACME_IT, US_INC);

        assertThat(tax.ratePercent()).isEqualByComparingTo("0");
        assertThat(tax.category()).isEqualTo("G");
        assertThat(tax.note()).contains("outside the EU");
    }

    @Test
    void theIssuersCountryDecidesTheDomesticRate() {
        assertThat(defaults.treatment(GMBH_DE, Parties.person("Hans Muster", "DE")).ratePercent()).isEqualByComparingTo("19");
        assertThat(defaults.domesticRate("FI")).isEqualByComparingTo("25.5");
        assertThat(TaxPolicy.EU_STANDARD_RATES).hasSize(27).containsKey("GR").doesNotContainKey("EL");
    }

    @Test
    void theTenantsSettingOverridesTheTableAndOtherSettingsAreIgnored() {
        TaxPolicy policy = TaxPolicy.fromSettings(Map.of("billing.vat.IT", "10", "billing.vat.ch", "8.1", "ordering.approval", "true"));

        assertThat(policy.treatment(ACME_IT, ROSSI_IT).ratePercent()).isEqualByComparingTo("10");
        assertThat(policy.domesticRate("CH")).isEqualByComparingTo("8.1");
        assertThat(policy.domesticRate("DE")).isEqualByComparingTo("19");
    }

    @Test
    void anIssuerOutsideTheEuChargesItsConfiguredRateToEveryone() {
        TaxPolicy policy = new TaxPolicy(Map.of("CH", new BigDecimal("8.1")));
        Party swiss = Parties.company("Wolken AG", "CH", "CHE-123.456.789");

        assertThat(policy.treatment(swiss, GMBH_DE)).isEqualTo(TaxTreatment.standard(new BigDecimal("8.1")));
        assertThatThrownBy(() -> defaults.treatment(swiss, GMBH_DE)).isInstanceOf(InvalidInput.class)
                .extracting(e -> ((InvalidInput) e).field()).isEqualTo("billing.vat.CH");
    }

    @Test
    void aRateSettingThatIsNoPercentageIsRefusedNamingItsKey() {
        for (String bad : new String[] {"abc", "-1", "100", " "}) {
            assertThatThrownBy(() -> TaxPolicy.fromSettings(Map.of("billing.vat.IT", bad))).as(bad)
                    .isInstanceOf(InvalidInput.class).extracting(e -> ((InvalidInput) e).field()).isEqualTo("billing.vat.IT");
        }
    }
}
