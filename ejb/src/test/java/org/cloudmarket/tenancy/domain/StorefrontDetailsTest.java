package org.cloudmarket.tenancy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.cloudmarket.shared.error.InvalidInput;
import org.junit.jupiter.api.Test;

/** What a storefront's owner may write: bounded texts, https links of known networks, our languages. */
class StorefrontDetailsTest {

    @Test
    void socialLinksAreHttpsAddressesOfKnownNetworksAndStoredOnOneColumn() {
        StorefrontDetails details = details(Map.of("linkedin", "https://www.linkedin.com/company/acme"), List.of("it", "en"), "it");

        assertThat(StorefrontDetails.parseLinks(details.socialLinksColumn())).isEqualTo(details.socialLinks());
        assertThat(field(() -> details(Map.of("linkedin", "javascript:alert(1)"), List.of("en"), "en"))).isEqualTo("socialLinks");
        assertThat(field(() -> details(Map.of("myspace", "https://myspace.com/acme"), List.of("en"), "en"))).isEqualTo("socialLinks");
        assertThat(field(() -> details(Map.of("x", "https://x.com/a;b"), List.of("en"), "en"))).isEqualTo("socialLinks");
    }

    @Test
    void languagesAreOursAndIncludeTheDefault() {
        assertThat(details(Map.of(), null, null).languages()).containsExactly("en");
        assertThat(field(() -> details(Map.of(), List.of("fr"), "fr"))).isEqualTo("languages");
        assertThat(field(() -> details(Map.of(), Arrays.asList("en", null), "en"))).isEqualTo("languages");
        assertThat(field(() -> details(Map.of(), List.of("en"), "it"))).isEqualTo("defaultLanguage");
    }

    @Test
    void textsAreBoundedAndANameIsRequired() {
        assertThat(field(() -> new StorefrontDetails(" ", null, null, null, null, null, null, null, null, null, null)))
                .isEqualTo("name");
        assertThat(field(() -> new StorefrontDetails("Shop", "x".repeat(301), null, null, null, null, null, null, null, null, null))).isEqualTo("tagline");
    }

    @Test
    void bannersLinkToHttpsOrToTheStorefrontAndAreFewWithATitle() {
        assertThat(new Banner(" Spring sale ", null, "/catalog.xhtml?q=mail").title()).isEqualTo("Spring sale");
        assertThat(new Banner("Sale", "All mail plans", "https://example.com/sale").link()).isEqualTo("https://example.com/sale");
        assertThat(field(() -> new Banner(" ", null, null))).isEqualTo("banners.title");
        for (String link : List.of("javascript:alert(1)", "data:text/html,x", "//evil.example", "http://example.com", "/\\evil",
                "/\t/evil.example")) {
            assertThat(field(() -> new Banner("Sale", null, link))).as(link).isEqualTo("banners.link");
        }
        List<Banner> seven = java.util.Collections.nCopies(StorefrontDetails.MAX_BANNERS + 1, new Banner("Sale", null, null));
        assertThat(field(() -> new StorefrontDetails("Shop", null, null, null, seven, null, null, null, null, null, null)))
                .isEqualTo("banners");
        assertThat(field(() -> new StorefrontDetails("Shop", null, null, null, Arrays.asList((Banner) null), null, null, null, null,
                null, null))).isEqualTo("banners");
        assertThat(details(Map.of(), null, null).banners()).isEmpty();
    }

    private static StorefrontDetails details(Map<String, String> links, List<String> languages, String language) {
        return new StorefrontDetails("Shop", null, null, null, null, null, links, null, languages, language, null);
    }

    private static String field(Runnable action) {
        try {
            action.run();
        } catch (InvalidInput invalid) {
            return invalid.field();
        }
        throw new AssertionError("expected an InvalidInput");
    }
}
