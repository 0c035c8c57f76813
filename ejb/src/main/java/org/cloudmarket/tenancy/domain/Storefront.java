package org.cloudmarket.tenancy.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.error.NotFound;
import org.cloudmarket.shared.persistence.TenantOwned;

/** A branded shop window of the tenant itself, or of one of its distributors or resellers. */
@Entity
@Table(name = "storefront")
@NamedQuery(name = Storefront.OF_OWNER, query = "SELECT s FROM Storefront s WHERE s.owner = :owner")
@NamedQuery(name = Storefront.OF_MARKETPLACE, query = "SELECT s FROM Storefront s WHERE s.owner IS NULL")
public class Storefront extends TenantOwned {

    /** The storefront a distributor or reseller runs. */
    public static final String OF_OWNER = "Storefront.ofOwner";
    /** The tenant's own storefront, which no organization runs. */
    public static final String OF_MARKETPLACE = "Storefront.ofMarketplace";

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "owner_id")
    private Organization owner;

    private String name;

    @Embedded
    private Branding branding;

    private String tagline;
    private String locale;
    private String currency;

    @Column(name = "created_at")
    private Instant createdAt;

    /** The pictures are stored_image rows, read only when served (see StoredImage). */
    @Column(name = "logo_image_id")
    private Long logoImageId;

    @Column(name = "favicon_image_id")
    private Long faviconImageId;

    @Column(name = "seo_title")
    private String seoTitle;

    @Column(name = "seo_description")
    private String seoDescription;

    @OneToMany(mappedBy = "storefront", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<StorefrontBanner> banners = new ArrayList<>();

    @Column(name = "footer_text")
    private String footerText;

    @Column(name = "social_links")
    private String socialLinks;

    @Column(name = "checkout_terms")
    private String checkoutTerms;

    /** Comma-separated language tags, the first the default. */
    private String languages = "en";

    @Enumerated(EnumType.STRING)
    @Column(name = "catalog_mode")
    private CatalogMode catalogMode = CatalogMode.STANDARD;

    @Version
    private long version;

    protected Storefront() {
    }

    public Storefront(Organization owner, String name, Branding branding, String tagline, Locale locale,
                      Currency currency, Instant createdAt) {
        if (owner != null && owner.getKind() != OrganizationKind.DISTRIBUTOR && owner.getKind() != OrganizationKind.RESELLER) {
            throw new InvalidInput("owner", "Only the tenant, a distributor or a reseller runs a storefront");
        }
        if (name == null || name.isBlank()) {
            throw new InvalidInput("name", "A storefront needs a name");
        }
        this.owner = owner;
        this.name = name.strip();
        this.branding = branding;
        this.tagline = tagline;
        this.locale = locale.toLanguageTag();
        this.currency = currency.getCurrencyCode();
        this.languages = locale.getLanguage();
        this.createdAt = createdAt;
    }

    /** Everything the owner writes about the storefront but its look. */
    public void describe(StorefrontDetails details) {
        this.name = details.name();
        this.tagline = details.tagline();
        this.seoTitle = details.seoTitle();
        this.seoDescription = details.seoDescription();
        rewriteBanners(details.banners());
        this.footerText = details.footerText();
        this.socialLinks = details.socialLinksColumn();
        this.checkoutTerms = details.checkoutTerms();
        this.locale = details.defaultLanguage();
        this.languages = String.join(",", details.languages());
        this.catalogMode = details.catalogMode();
    }

    /** The n-th banner keeps its picture when only its texts change; banners beyond the new list go. */
    private void rewriteBanners(List<Banner> given) {
        for (int i = 0; i < given.size(); i++) {
            if (i < banners.size()) {
                banners.get(i).rewrite(given.get(i));
            } else {
                banners.add(new StorefrontBanner(this, i + 1, given.get(i)));
            }
        }
        while (banners.size() > given.size()) {
            banners.remove(banners.size() - 1);
        }
    }

    /**
     * Shows the stored picture {@code imageId} (or, with null, none) on banner {@code position},
     * counted from 1; answers the picture it showed before.
     */
    public Optional<Long> setBannerImage(int position, Long imageId) {
        return banner(position).setImage(imageId);
    }

    public StorefrontBanner banner(int position) {
        if (position < 1 || position > banners.size()) {
            throw new NotFound("The storefront has no banner " + position);
        }
        return banners.get(position - 1);
    }

    /** The stored picture of each banner that has one, by position. */
    public Map<Integer, Long> bannerImageIds() {
        return banners.stream().filter(StorefrontBanner::hasImage)
                .collect(Collectors.toMap(StorefrontBanner::getPosition, banner -> banner.getImageId().orElseThrow()));
    }

    /** The currency the storefront sells in; the channel checks the marketplace has a rate for it. */
    public void sellIn(Currency currency) {
        this.currency = currency.getCurrencyCode();
    }

    public void restyle(Branding branding) {
        this.branding = branding;
    }

    /** Shows the stored picture {@code imageId} as the logo; answers the one it showed before. */
    public Optional<Long> setLogo(long imageId) {
        Optional<Long> before = getLogo();
        this.logoImageId = imageId;
        return before;
    }

    /** Shows the stored picture {@code imageId} as the favicon; answers the one it showed before. */
    public Optional<Long> setFavicon(long imageId) {
        Optional<Long> before = getFavicon();
        this.faviconImageId = imageId;
        return before;
    }

    public StorefrontDetails details() {
        List<String> all = new java.util.ArrayList<>(List.of(languages.split(",")));
        if (!all.contains(locale)) {
            all.add(0, locale); // a storefront always speaks its default language
        }
        return new StorefrontDetails(name, tagline, seoTitle, seoDescription,
                banners.stream().map(StorefrontBanner::banner).toList(), footerText,
                StorefrontDetails.parseLinks(socialLinks), checkoutTerms, all, locale, catalogMode);
    }

    /** The stored picture shown as the logo. */
    public Optional<Long> getLogo() {
        return Optional.ofNullable(logoImageId);
    }

    /** The stored picture shown as the favicon. */
    public Optional<Long> getFavicon() {
        return Optional.ofNullable(faviconImageId);
    }

    public CatalogMode getCatalogMode() {
        return catalogMode;
    }

    /**
     * Whether a customer buys here: on its seller's storefronts only (DOMAIN, "Channel customers"),
     * the marketplace's own for a customer of the tenant, its reseller's for a reseller's customer.
     */
    public boolean sellsTo(Organization customer) {
        Long seller = customer.getParent().map(Organization::getId).orElse(null);
        return java.util.Objects.equals(seller, getOwner().map(Organization::getId).orElse(null));
    }

    /** Empty for the tenant's own storefront. */
    public Optional<Organization> getOwner() {
        return Optional.ofNullable(owner);
    }

    public String getName() {
        return name;
    }

    public Branding getBranding() {
        return branding;
    }

    public String getTagline() {
        return tagline;
    }

    public Locale getLocale() {
        return Locale.forLanguageTag(locale);
    }

    public Currency getCurrency() {
        return Currency.getInstance(currency);
    }
}
