package org.cloudmarket.tenancy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.AbstractStringAssert;
import org.cloudmarket.shared.error.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BillingDetailsRulesTest {

    /** Rossi Costruzioni: a real-looking Italian company (partita IVA with a right check digit). */
    private static BillingDetailsInput italianCompany() {
        return new BillingDetailsInput("COMPANY", "Rossi Costruzioni S.r.l.", "Via Roma 1", "Milano", "20121", "IT",
                "IT01234567897", "01234567897", "M5UXCR1", null, null, null);
    }

    private static BillingDetailsInput germanPerson() {
        return new BillingDetailsInput("PERSON", "Hans Muster", "Hauptstrasse 5", "Berlin", "10115", "de",
                null, null, null, null, null, null);
    }

    @Test
    void anItalianCompanyWithVatFiscalCodeAndSdiIsAccepted() {
        BillingDetails details = BillingDetailsRules.customer(italianCompany());

        assertThat(details.getKind()).isEqualTo(PartyKind.COMPANY);
        assertThat(details.getVatNumber()).contains("IT01234567897");
        assertThat(details.getFiscalCode()).contains("01234567897");
        assertThat(details.getSdiCode()).contains("M5UXCR1");
        assertThat(details.getIban()).as("a customer keeps no bank account").isEmpty();
    }

    @Test
    void aPersonNeedsNoVatNumberAndTheCountryIsUpperCased() {
        BillingDetails details = BillingDetailsRules.customer(germanPerson());

        assertThat(details.getVatNumber()).isEmpty();
        assertThat(details.getCountry()).isEqualTo("DE");
    }

    @Test
    void aCompanyNeedsAVatNumber() {
        BillingDetailsInput company = new BillingDetailsInput("COMPANY", "Muster GmbH", "Hauptstrasse 5", "Berlin", "10115", "DE",
                " ", null, null, null, null, null);

        assertField(() -> BillingDetailsRules.customer(company)).isEqualTo("vatNumber");
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "AT, ATU12345678, ATU12345678",
            "BE, 0123456789, BE0123456789",
            "DE, DE 123 456 789, DE123456789",
            "DK, 12345678, DK12345678",
            "ES, esb12345678, ESB12345678",
            "FR, FR40 303 265 045, FR40303265045",
            "GR, 123456789, EL123456789",
            "GR, EL123456789, EL123456789",
            "IE, 1234567WA, IE1234567WA",
            "IT, 01234567897, IT01234567897",
            "NL, NL123456789B01, NL123456789B01",
            "PL, 123-456-78-90, PL1234567890",
            "SE, 123456789001, SE123456789001",
            "GB, GB123456789, GB123456789",
            "CH, CHE-123.456.789 MWST, CHE123456789MWST",
            "NO, 123456789MVA, NO123456789MVA"})
    void vatNumbersAreCheckedInTheirCountrysFormatAndGetTheirPrefix(String country, String given, String stored) {
        assertThat(VatNumbers.normalise(country, given)).isEqualTo(stored);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "DE, DE12345678",
            "DE, 1234567890",
            "AT, AT12345678",
            "NL, NL123456789",
            "FR, FRO1303265045",
            "SE, 1234567890",
            "IT, IT0123456789",
            "CH, CH123456789"})
    void aVatNumberOutOfItsCountrysFormatIsRefused(String country, String given) {
        assertField(() -> VatNumbers.normalise(country, given)).isEqualTo("vatNumber");
    }

    @Test
    void aVatNumberOfAnotherCountryIsRefusedNamingBothPrefixes() {
        assertThatThrownBy(() -> VatNumbers.normalise("IT", "DE123456789")).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("DE").hasMessageContaining("IT");
    }

    @Test
    void thePartitaIvaCheckDigitIsVerified() {
        assertField(() -> VatNumbers.normalise("IT", "IT01234567890")).isEqualTo("vatNumber");
        assertThatThrownBy(() -> VatNumbers.normalise("IT", "01234567898")).hasMessageContaining("check digit");
    }

    @Test
    void anItalianPersonNeedsAValidCodiceFiscale() {
        BillingDetailsInput person = new BillingDetailsInput("PERSON", "Mario Rossi", "Via Roma 1", "Roma", "00184", "IT",
                null, "rssmra85t10a562s", null, "mario.rossi@pec.example.it", null, null);

        assertThat(BillingDetailsRules.customer(person).getFiscalCode()).contains("RSSMRA85T10A562S");
        assertField(() -> BillingDetailsRules.customer(withFiscalCode(person, "RSSMRA85T10A562T"))).isEqualTo("fiscalCode");
        assertField(() -> BillingDetailsRules.customer(withFiscalCode(person, "RSSMRA85T10A562"))).isEqualTo("fiscalCode");
        assertField(() -> BillingDetailsRules.customer(withFiscalCode(person, null))).isEqualTo("fiscalCode");
    }

    @Test
    void aCodiceFiscaleWithLettersForDigitsIsAccepted() {
        // Omocodia: when two people share a code, digits are replaced by letters from the right (6 -> S).
        assertThat(ItalianCodes.fiscalCode(PartyKind.PERSON, "RSSMRA85T10A56SZ")).isEqualTo("RSSMRA85T10A56SZ");
    }

    @Test
    void anItalianCompanysFiscalCodeIsElevenDigitsWithItsCheckDigit() {
        assertField(() -> BillingDetailsRules.customer(withFiscalCode(italianCompany(), "01234567890"))).isEqualTo("fiscalCode");
        assertField(() -> BillingDetailsRules.customer(withFiscalCode(italianCompany(), "RSSMRA85T10A562S"))).isEqualTo("fiscalCode");
    }

    @Test
    void anItalianCustomerNeedsAnSdiCodeOrAPec() {
        BillingDetailsInput neither = new BillingDetailsInput("COMPANY", "Rossi", "Via Roma 1", "Milano", "20121", "IT",
                "01234567897", "01234567897", null, null, null, null);
        assertField(() -> BillingDetailsRules.customer(neither)).isEqualTo("sdiCode");

        BillingDetailsInput pecOnly = new BillingDetailsInput("COMPANY", "Rossi", "Via Roma 1", "Milano", "20121", "IT",
                "01234567897", "01234567897", null, "Rossi@PEC.example.it", null, null);
        assertThat(BillingDetailsRules.customer(pecOnly).getPec()).contains("rossi@pec.example.it");
    }

    @Test
    void theSdiCodeIsSevenCharactersAndZerosOnlyBesideAPec() {
        assertField(() -> BillingDetailsRules.customer(withSdi(italianCompany(), "M5UXCR", null))).isEqualTo("sdiCode");
        assertField(() -> BillingDetailsRules.customer(withSdi(italianCompany(), "M5U-CR1", null))).isEqualTo("sdiCode");
        assertField(() -> BillingDetailsRules.customer(withSdi(italianCompany(), "0000000", null))).isEqualTo("sdiCode");
        assertThat(BillingDetailsRules.customer(withSdi(italianCompany(), "0000000", "rossi@pec.example.it")).getSdiCode())
                .contains("0000000");
        assertField(() -> BillingDetailsRules.customer(withSdi(italianCompany(), null, "not an address"))).isEqualTo("pec");
    }

    /** The PEC follows the platform's one e-mail rule (User.email): one bare address, no display name, no list. */
    @Test
    void aPecIsOneBareEmailAddress() {
        assertField(() -> BillingDetailsRules.customer(withSdi(italianCompany(), null, "<rossi@pec.example.it>"))).isEqualTo("pec");
        assertField(() -> BillingDetailsRules.customer(withSdi(italianCompany(), null, "Rossi <rossi@pec.example.it>"))).isEqualTo("pec");
        assertField(() -> BillingDetailsRules.customer(withSdi(italianCompany(), null, "rossi@pec.example.it,b@pec.example.it")))
                .isEqualTo("pec");
        assertField(() -> BillingDetailsRules.customer(withSdi(italianCompany(), null, "rossi@localhost"))).isEqualTo("pec");
        assertThat(BillingDetailsRules.customer(withSdi(italianCompany(), null, " Rossi@Pec.Example.it ")).getPec())
                .contains("rossi@pec.example.it");
    }

    @Test
    void aFiscalCodeIsRefusedOutsideItaly() {
        assertField(() -> BillingDetailsRules.customer(withFiscalCode(germanPerson(), "RSSMRA85T10A562S"))).isEqualTo("fiscalCode");
    }

    @Test
    void theCountryIsAnIsoCode() {
        assertField(() -> BillingDetailsRules.customer(withCountry(germanPerson(), "XX"))).isEqualTo("country");
        assertField(() -> BillingDetailsRules.customer(withCountry(germanPerson(), "DEU"))).isEqualTo("country");
        assertField(() -> BillingDetailsRules.customer(withCountry(germanPerson(), null))).isEqualTo("country");
    }

    @Test
    void eachMissingFieldIsNamed() {
        BillingDetailsInput p = germanPerson();
        assertField(() -> BillingDetailsRules.customer(new BillingDetailsInput(null, p.name(), p.address(), p.city(), p.postalCode(),
                p.country(), null, null, null, null, null, null))).isEqualTo("kind");
        assertField(() -> BillingDetailsRules.customer(new BillingDetailsInput("SOMEONE", p.name(), p.address(), p.city(), p.postalCode(),
                p.country(), null, null, null, null, null, null))).isEqualTo("kind");
        assertField(() -> BillingDetailsRules.customer(new BillingDetailsInput("PERSON", "", p.address(), p.city(), p.postalCode(),
                p.country(), null, null, null, null, null, null))).isEqualTo("name");
        assertField(() -> BillingDetailsRules.customer(new BillingDetailsInput("PERSON", p.name(), null, p.city(), p.postalCode(),
                p.country(), null, null, null, null, null, null))).isEqualTo("address");
        assertField(() -> BillingDetailsRules.customer(new BillingDetailsInput("PERSON", p.name(), p.address(), " ", p.postalCode(),
                p.country(), null, null, null, null, null, null))).isEqualTo("city");
        assertField(() -> BillingDetailsRules.customer(new BillingDetailsInput("PERSON", p.name(), p.address(), p.city(), null,
                p.country(), null, null, null, null, null, null))).isEqualTo("postalCode");
    }

    @Test
    void everyFieldIsBoundedByItsColumn() {
        BillingDetailsInput p = germanPerson();
        assertField(() -> BillingDetailsRules.customer(new BillingDetailsInput("PERSON", "n".repeat(201), p.address(), p.city(),
                p.postalCode(), p.country(), null, null, null, null, null, null))).isEqualTo("name");
        assertThat(BillingDetailsRules.customer(new BillingDetailsInput("PERSON", "n".repeat(200), "a".repeat(300), "c".repeat(120),
                "1".repeat(20), p.country(), null, null, null, null, null, null)).getLegalName()).hasSize(200);
        assertField(() -> BillingDetailsRules.customer(new BillingDetailsInput("PERSON", p.name(), "a".repeat(301), p.city(),
                p.postalCode(), p.country(), null, null, null, null, null, null))).isEqualTo("address");
        assertField(() -> BillingDetailsRules.customer(new BillingDetailsInput("PERSON", p.name(), p.address(), "c".repeat(121),
                p.postalCode(), p.country(), null, null, null, null, null, null))).isEqualTo("city");
        assertField(() -> BillingDetailsRules.customer(new BillingDetailsInput("PERSON", p.name(), p.address(), p.city(),
                "1".repeat(21), p.country(), null, null, null, null, null, null))).isEqualTo("postalCode");
        assertField(() -> BillingDetailsRules.customer(new BillingDetailsInput("PERSON", p.name(), p.address(), p.city(),
                p.postalCode(), p.country(), "DE" + "1".repeat(30), null, null, null, null, null))).isEqualTo("vatNumber");
        assertField(() -> BillingDetailsRules.customer(withSdi(italianCompany(), null, "a".repeat(250) + "@pec.it"))).isEqualTo("pec");
        assertField(() -> BillingDetailsRules.customer(new BillingDetailsInput("PERSON", "Line\nbreak", p.address(), p.city(),
                p.postalCode(), p.country(), null, null, null, null, null, null))).isEqualTo("name");
    }

    @Test
    void aSellerKeepsItsIbanAndInvoicePrefixAndNeedsAVatNumber() {
        BillingDetails seller = BillingDetailsRules.seller(new BillingDetailsInput("COMPANY", "Bright IT S.r.l.", "Corso Italia 10", "Torino",
                "10121", "IT", "IT07643520567", null, null, null, "IT60 X054 2811 1010 0000 0123 456", "BRIGHT"));

        assertThat(seller.getIban()).contains("IT60X0542811101000000123456");
        assertThat(seller.getInvoicePrefix()).contains("BRIGHT");
        assertField(() -> BillingDetailsRules.seller(new BillingDetailsInput("PERSON", "Solo", "Way 1", "Berlin", "10115", "DE",
                null, null, null, null, null, null))).isEqualTo("vatNumber");
    }

    @Test
    void anIbanWithWrongCheckDigitsIsRefused() {
        assertField(() -> BillingDetailsRules.seller(new BillingDetailsInput("COMPANY", "Muster GmbH", "Way 1", "Berlin", "10115", "DE",
                "DE123456789", null, null, null, "DE89370400440532013001", null))).isEqualTo("iban");
        assertField(() -> BillingDetailsRules.seller(new BillingDetailsInput("COMPANY", "Muster GmbH", "Way 1", "Berlin", "10115", "DE",
                "DE123456789", null, null, null, "DE89370400440532013000", "INV 2026"))).isEqualTo("invoicePrefix");
    }

    /** ACME-CN-2026-000001 is the tenant's first credit note: no prefix may end in a series marker. */
    @Test
    void anInvoicePrefixEndingInASeriesMarkerIsRefused() {
        for (String prefix : new String[] {"ACME-CN", "acme-pf", "PF", "X/CN"}) {
            assertField(() -> BillingDetailsRules.seller(new BillingDetailsInput("COMPANY", "Muster GmbH", "Way 1", "Berlin", "10115",
                    "DE", "DE123456789", null, null, null, "DE89370400440532013000", prefix))).isEqualTo("invoicePrefix");
        }
        BillingDetailsRules.seller(new BillingDetailsInput("COMPANY", "Muster GmbH", "Way 1", "Berlin", "10115", "DE",
                "DE123456789", null, null, null, "DE89370400440532013000", "ACMECN"));
    }

    private static BillingDetailsInput withFiscalCode(BillingDetailsInput i, String fiscalCode) {
        return new BillingDetailsInput(i.kind(), i.name(), i.address(), i.city(), i.postalCode(), i.country(), i.vatNumber(),
                fiscalCode, i.sdiCode(), i.pec(), i.iban(), i.invoicePrefix());
    }

    private static BillingDetailsInput withSdi(BillingDetailsInput i, String sdiCode, String pec) {
        return new BillingDetailsInput(i.kind(), i.name(), i.address(), i.city(), i.postalCode(), i.country(), i.vatNumber(),
                i.fiscalCode(), sdiCode, pec, i.iban(), i.invoicePrefix());
    }

    private static BillingDetailsInput withCountry(BillingDetailsInput i, String country) {
        return new BillingDetailsInput(i.kind(), i.name(), i.address(), i.city(), i.postalCode(), country, i.vatNumber(),
                i.fiscalCode(), i.sdiCode(), i.pec(), i.iban(), i.invoicePrefix());
    }

    private static AbstractStringAssert<?> assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        return assertThatThrownBy(call).isInstanceOf(InvalidInput.class)
                .extracting(e -> ((InvalidInput) e).field()).asString();
    }
}
