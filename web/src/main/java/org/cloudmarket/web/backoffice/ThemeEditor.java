package org.cloudmarket.web.backoffice;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cloudmarket.channel.service.StorefrontCurrency;
import org.cloudmarket.shared.error.DomainException;
import org.cloudmarket.tenancy.domain.Branding;
import org.cloudmarket.tenancy.domain.CatalogMode;
import org.cloudmarket.tenancy.domain.StorefrontDetails;
import org.cloudmarket.tenancy.service.BannerPicture;
import org.cloudmarket.tenancy.service.StorefrontEditor;
import org.cloudmarket.tenancy.service.StorefrontView;
import org.cloudmarket.themes.BaseTheme;
import org.cloudmarket.themes.BrandingPalette;
import org.primefaces.model.file.UploadedFile;

/**
 * The theme editor: the owner's storefront, its look and its texts. The preview follows the form
 * in the browser; saving validates everything in the domain and shows on the next page load.
 */
@Named
@ViewScoped
public class ThemeEditor implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private StorefrontEditor editor;

    @Inject
    private StorefrontCurrency currencies;

    private String name;
    private String tagline;
    private String baseTheme;
    private String primaryColor;
    private String accentColor;
    private String fontFamily;
    private String seoTitle;
    private String seoDescription;
    private List<BannerRow> banners;
    private String footerText;
    private final Map<String, String> socialLinks = new LinkedHashMap<>();
    private String checkoutTerms;
    private String[] languages;
    private String defaultLanguage;
    private CatalogMode catalogMode;
    private String currency;
    private List<String> currencyChoices;
    private List<String> hosts;
    private transient UploadedFile logo;
    private transient UploadedFile favicon;

    @PostConstruct
    void load() {
        StorefrontView storefront = editor.mine();
        StorefrontDetails details = storefront.details();
        name = storefront.name();
        tagline = storefront.tagline();
        baseTheme = storefront.palette().baseTheme().themeName();
        primaryColor = storefront.palette().primaryColor();
        accentColor = storefront.palette().accentColor();
        fontFamily = storefront.palette().fontFamily();
        seoTitle = details.seoTitle();
        seoDescription = details.seoDescription();
        banners = storefront.getBanners().stream().map(BannerRow::new).collect(Collectors.toCollection(ArrayList::new));
        footerText = details.footerText();
        StorefrontDetails.NETWORKS.stream().sorted().forEach(network -> socialLinks.put(network, details.socialLinks().get(network)));
        checkoutTerms = details.checkoutTerms();
        languages = details.languages().toArray(String[]::new);
        defaultLanguage = details.defaultLanguage();
        catalogMode = details.catalogMode();
        currency = storefront.currency().getCurrencyCode();
        currencyChoices = currencies.choices();
        hosts = editor.hosts();
    }

    public void save() {
        try {
            StorefrontDetails details = new StorefrontDetails(name, tagline, seoTitle, seoDescription,
                    banners.stream().map(BannerRow::banner).toList(), footerText, socialLinks, checkoutTerms,
                    Arrays.asList(languages), defaultLanguage, catalogMode);
            Branding branding = Branding.of(baseTheme, primaryColor, accentColor, fontFamily);
            List<BannerPicture> pictures = banners.stream().map(BannerRow::picture).toList();
            StorefrontView saved = currencies.save(currency,
                    () -> editor.update(details, branding, content(logo), content(favicon), pictures));
            // rows now stand where they were stored, with the pictures they kept
            banners = saved.getBanners().stream().map(BannerRow::new).collect(Collectors.toCollection(ArrayList::new));
            PageMessages.done("Saved: your storefront shows it on its next page load.");
        } catch (DomainException refused) {
            PageMessages.refused(refused);
        }
    }

    public void addBanner() {
        if (banners.size() < StorefrontDetails.MAX_BANNERS) {
            banners.add(new BannerRow());
        }
    }

    /** Takes a row off the form; the storefront loses the banner when the form is saved. */
    public void removeBanner(BannerRow row) {
        banners.remove(row);
    }

    public boolean isMoreBanners() {
        return banners.size() < StorefrontDetails.MAX_BANNERS;
    }

    public List<BannerRow> getBanners() {
        return banners;
    }

    private static byte[] content(UploadedFile file) {
        return file == null || file.getSize() == 0 ? null : file.getContent();
    }

    public List<String> getThemes() {
        return Arrays.stream(BaseTheme.values()).map(BaseTheme::themeName).toList();
    }

    public List<String> getFonts() {
        return BrandingPalette.FONTS.stream().sorted().toList();
    }

    public CatalogMode[] getCatalogModes() {
        return CatalogMode.values();
    }

    public List<String> getAllLanguages() {
        return StorefrontDetails.LANGUAGES.stream().sorted().toList();
    }

    public List<String> getHosts() {
        return hosts;
    }

    public Map<String, String> getSocialLinks() {
        return socialLinks;
    }

    // form bindings

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getTagline() { return tagline; }
    public void setTagline(String tagline) { this.tagline = tagline; }
    public String getBaseTheme() { return baseTheme; }
    public void setBaseTheme(String baseTheme) { this.baseTheme = baseTheme; }
    public String getPrimaryColor() { return primaryColor; }
    public void setPrimaryColor(String primaryColor) { this.primaryColor = primaryColor; }
    public String getAccentColor() { return accentColor; }
    public void setAccentColor(String accentColor) { this.accentColor = accentColor; }
    public String getFontFamily() { return fontFamily; }
    public void setFontFamily(String fontFamily) { this.fontFamily = fontFamily; }
    public String getSeoTitle() { return seoTitle; }
    public void setSeoTitle(String seoTitle) { this.seoTitle = seoTitle; }
    public String getSeoDescription() { return seoDescription; }
    public void setSeoDescription(String seoDescription) { this.seoDescription = seoDescription; }
    public String getFooterText() { return footerText; }
    public void setFooterText(String footerText) { this.footerText = footerText; }
    public String getCheckoutTerms() { return checkoutTerms; }
    public void setCheckoutTerms(String checkoutTerms) { this.checkoutTerms = checkoutTerms; }
    public String[] getLanguages() { return languages; }
    public void setLanguages(String[] languages) { this.languages = languages; }
    public String getDefaultLanguage() { return defaultLanguage; }
    public void setDefaultLanguage(String defaultLanguage) { this.defaultLanguage = defaultLanguage; }
    public List<String> getCurrencyChoices() { return currencyChoices; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public CatalogMode getCatalogMode() { return catalogMode; }
    public void setCatalogMode(CatalogMode catalogMode) { this.catalogMode = catalogMode; }
    public UploadedFile getLogo() { return logo; }
    public void setLogo(UploadedFile logo) { this.logo = logo; }
    public UploadedFile getFavicon() { return favicon; }
    public void setFavicon(UploadedFile favicon) { this.favicon = favicon; }
}
