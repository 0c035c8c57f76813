package org.cloudmarket.tenancy.service;

import java.util.Currency;
import java.util.Locale;
import org.cloudmarket.tenancy.domain.CatalogMode;
import org.cloudmarket.tenancy.domain.StorefrontDetails;
import org.cloudmarket.themes.BrandingPalette;

/** What pages need to render a storefront: its name, brand, texts and defaults. */
public record StorefrontView(long id, String name, String tagline, String tenantSlug, String tenantName,
                             BrandingPalette palette, Locale locale, Currency currency, String ownerName,
                             boolean hasLogo, boolean hasFavicon, StorefrontDetails details) {

    public String getSeoTitle() {
        return details.seoTitle() != null ? details.seoTitle() : name;
    }

    public String getSeoDescription() {
        return details.seoDescription() != null ? details.seoDescription() : tagline;
    }

    public java.util.List<java.util.Map.Entry<String, String>> getSocialLinks() {
        return java.util.List.copyOf(details.socialLinks().entrySet());
    }

    public CatalogMode catalogMode() {
        return details.catalogMode();
    }

    public String themeName() {
        return palette.baseTheme().themeName();
    }

    public boolean isTenantStorefront() {
        return ownerName == null;
    }
}
