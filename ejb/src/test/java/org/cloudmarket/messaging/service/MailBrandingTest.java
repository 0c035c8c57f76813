package org.cloudmarket.messaging.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import org.cloudmarket.messaging.mail.MailBranding;
import org.cloudmarket.tenancy.domain.Branding;
import org.cloudmarket.tenancy.domain.Storefront;
import org.junit.jupiter.api.Test;

/** Which logo a mail links: the storefront's own picture, on the host the request came through. */
class MailBrandingTest {

    private static Storefront storefront() {
        return new Storefront(null, "Acme Cloud Marketplace", Branding.of("saga-blue", "#1f6feb", "#ff9900", "Inter"), null,
                Locale.ENGLISH, Currency.getInstance("EUR"), Instant.EPOCH);
    }

    @Test
    void theLogoIsTheVersionedPictureOnTheRequestsHost() {
        Storefront storefront = storefront();
        storefront.setLogo(12);

        MailBranding branding = Mail.brandingOf(storefront, Optional.of("http://acme.localhost:8080"));

        assertThat(branding.storefrontName()).isEqualTo("Acme Cloud Marketplace");
        assertThat(branding.logoUrl()).contains("http://acme.localhost:8080/storefront/logo?v=12");
    }

    @Test
    void withoutALogoOrWithoutAHostTheMailCarriesTheNameOnly() {
        Storefront withLogo = storefront();
        withLogo.setLogo(12);

        assertThat(Mail.brandingOf(storefront(), Optional.of("http://acme.localhost:8080")).logoUrl()).isEmpty();
        assertThat(Mail.brandingOf(withLogo, Optional.empty()).logoUrl()).isEmpty();
    }
}
