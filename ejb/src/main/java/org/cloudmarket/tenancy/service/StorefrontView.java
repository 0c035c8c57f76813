package org.cloudmarket.tenancy.service;

import java.util.Currency;
import java.util.Locale;
import org.cloudmarket.themes.BrandingPalette;

/** What pages need to render a storefront: its name, brand and defaults. */
public record StorefrontView(long id, String name, String tagline, String tenantSlug, String tenantName,
                             BrandingPalette palette, Locale locale, Currency currency, String ownerName) {

    public String themeName() {
        return palette.baseTheme().themeName();
    }

    public boolean isTenantStorefront() {
        return ownerName == null;
    }
}
