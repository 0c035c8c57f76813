package org.cloudmarket.tenancy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import org.cloudmarket.shared.error.InvalidInput;
import org.junit.jupiter.api.Test;

class TenantAndBrandingTest {

    @Test
    void aSlugIsAShortLowerCaseHostLabel() {
        Tenant tenant = new Tenant("acme", "Acme", Currency.getInstance("EUR"), ZoneId.of("Europe/Rome"), Locale.ITALY, Instant.EPOCH);

        assertThat(tenant.getSlug()).isEqualTo("acme");
        assertThat(tenant.getTimeZone()).isEqualTo(ZoneId.of("Europe/Rome"));
        assertThatThrownBy(() -> new Tenant("Acme Corp", "Acme", Currency.getInstance("EUR"), ZoneId.of("UTC"), Locale.ITALY, Instant.EPOCH))
                .isInstanceOf(InvalidInput.class).extracting(e -> ((InvalidInput) e).field()).isEqualTo("slug");
    }

    @Test
    void brandingNamesTheFieldThatIsWrong() {
        assertThatThrownBy(() -> Branding.of("saga-blue", "blue", "#ffffff", "Inter"))
                .isInstanceOf(InvalidInput.class).extracting(e -> ((InvalidInput) e).field()).isEqualTo("primaryColor");
        assertThatThrownBy(() -> Branding.of("no-theme", "#000000", "#ffffff", "Inter"))
                .isInstanceOf(InvalidInput.class).extracting(e -> ((InvalidInput) e).field()).isEqualTo("baseTheme");
    }

    @Test
    void onlyDistributorsAndResellersRunTheirOwnStorefront() {
        Organization vendor = Organization.underTenant(OrganizationKind.VENDOR, "Nimbus", Instant.EPOCH);
        Branding branding = Branding.of("saga-blue", "#000000", "#ffffff", "Inter");

        assertThatThrownBy(() -> new Storefront(vendor, "Nimbus Store", branding, null, Locale.ENGLISH, Currency.getInstance("EUR"), Instant.EPOCH))
                .isInstanceOf(InvalidInput.class).extracting(e -> ((InvalidInput) e).field()).isEqualTo("owner");
    }
}
