package org.cloudmarket.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import org.cloudmarket.shared.error.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NewTenantTest {

    @Test
    void aGoodRequestIsNormalised() {
        NewTenant request = NewTenant.of(" Initech ", " Initech Marketplace ", "eur", "Europe/Rome", "IT", " Bill@Initech.Example ");

        assertThat(request).isEqualTo(new NewTenant("initech", "Initech Marketplace", Currency.getInstance("EUR"),
                ZoneId.of("Europe/Rome"), Locale.ITALIAN, "bill@initech.example"));
        assertThat(request.adminDisplayName()).isEqualTo("bill");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(nullValues = "null", value = {
            "slug, null", "slug, ''", "slug, a", "slug, 1nitech", "slug, init_ech", "slug, init.ech", "slug, www", "slug, platform",
            "slug, admin", "slug, api", "slug, mail", "slug, static",
            "name, null", "name, '   '",
            "currency, null", "currency, EURO", "currency, XAU", "currency, XTS", "currency, ZZZ",
            "timeZone, null", "timeZone, Mars/Olympus", "timeZone, +01:00", "timeZone, ''",
            "locale, null", "locale, de", "locale, en-US",
            "adminEmail, null", "adminEmail, bill", "adminEmail, bill@initech", "adminEmail, 'bill @initech.example'"})
    void eachBadFieldIsRefusedByName(String field, String value) {
        String[] values = {"initech", "Initech", "EUR", "UTC", "en", "bill@initech.example"};
        int index = java.util.List.of("slug", "name", "currency", "timeZone", "locale", "adminEmail").indexOf(field);
        values[index] = value;

        assertThatThrownBy(() -> NewTenant.of(values[0], values[1], values[2], values[3], values[4], values[5]))
                .isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.field()).isEqualTo(field));
    }

    @Test
    void aNameLongerThanTheColumnIsRefused() {
        assertThatThrownBy(() -> NewTenant.of("initech", "x".repeat(201), "EUR", "UTC", "en", "bill@initech.example"))
                .isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.field()).isEqualTo("name"));
    }

    @Test
    void anAddressLongerThanTheColumnIsRefused() {
        String tooLong = "b".repeat(250) + "@initech.example";
        assertThatThrownBy(() -> NewTenant.of("initech", "Initech", "EUR", "UTC", "en", tooLong))
                .isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.field()).isEqualTo("adminEmail"));
    }
}
