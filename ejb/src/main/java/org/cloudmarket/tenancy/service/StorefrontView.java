package org.cloudmarket.tenancy.service;

import java.util.Currency;
import java.util.Locale;
import org.cloudmarket.tenancy.domain.CatalogMode;
import org.cloudmarket.tenancy.domain.StorefrontDetails;
import org.cloudmarket.themes.BrandingPalette;

/** What pages need to render a storefront: its name, brand, texts and defaults. */
public record StorefrontView(long id, String name, String tagline, String tenantSlug, String tenantName,
                             BrandingPalette palette, Locale locale, Currency currency, String ownerName,
                             Long logoVersion, Long faviconVersion, StorefrontDetails details,
                             java.util.Map<Integer, Long> bannerPictures) {

    /**
     * A banner as a page shows it; a picture is at {@code /storefront/banner?n=<position>&v=<pictureVersion>}.
     * The versions (of the logo and favicon too) change with every upload, so a page links the
     * picture it shows and browsers may keep it.
     */
    public record ShownBanner(int position, String title, String text, String link, boolean image, Long pictureVersion) {
    }

    public boolean hasLogo() {
        return logoVersion != null;
    }

    public boolean hasFavicon() {
        return faviconVersion != null;
    }

    public java.util.List<ShownBanner> getBanners() {
        java.util.List<org.cloudmarket.tenancy.domain.Banner> banners = details.banners();
        return java.util.stream.IntStream.range(0, banners.size())
                .mapToObj(i -> new ShownBanner(i + 1, banners.get(i).title(), banners.get(i).text(), banners.get(i).link(),
                        bannerPictures.containsKey(i + 1), bannerPictures.get(i + 1)))
                .toList();
    }

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
