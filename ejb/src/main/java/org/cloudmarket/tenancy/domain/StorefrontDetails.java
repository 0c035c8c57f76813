package org.cloudmarket.tenancy.domain;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.text.Texts;

/**
 * What a storefront's owner writes about it, checked on the way in: plain texts of bounded length
 * (pages escape them), social links that are https URLs of known networks, languages we have
 * bundles for, and a catalog mode.
 */
public record StorefrontDetails(String name, String tagline, String seoTitle, String seoDescription,
                                List<Banner> banners, String footerText, Map<String, String> socialLinks, String checkoutTerms,
                                List<String> languages, String defaultLanguage, CatalogMode catalogMode) {

    /** The languages with message bundles. */
    public static final Set<String> LANGUAGES = Set.of("en", "it");
    public static final int MAX_BANNERS = 6;
    public static final Set<String> NETWORKS = Set.of("linkedin", "x", "facebook", "instagram", "youtube", "github");

    public StorefrontDetails {
        name = Texts.required("name", name, 200);
        tagline = Texts.optional("tagline", tagline, 300);
        seoTitle = Texts.optional("seoTitle", seoTitle, 120);
        seoDescription = Texts.optional("seoDescription", seoDescription, 300);
        if (banners != null && banners.size() > MAX_BANNERS) {
            throw new InvalidInput("banners", "A storefront shows at most " + MAX_BANNERS + " banners");
        }
        if (banners != null && banners.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidInput("banners", "A banner has at least a title");
        }
        banners = banners == null ? List.of() : List.copyOf(banners);
        footerText = Texts.optional("footerText", footerText, 500);
        checkoutTerms = Texts.optional("checkoutTerms", checkoutTerms, 20_000);
        socialLinks = links(socialLinks);
        if (socialLinks.entrySet().stream().mapToInt(link -> link.getKey().length() + link.getValue().length() + 2).sum() > 1000) {
            throw new InvalidInput("socialLinks", "Social links have at most 1000 characters in all");
        }
        if (languages != null && languages.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidInput("languages", "Languages are among " + LANGUAGES);
        }
        languages = languages == null || languages.isEmpty() ? List.of("en") : List.copyOf(languages);
        if (!LANGUAGES.containsAll(languages)) {
            throw new InvalidInput("languages", "Languages are among " + LANGUAGES);
        }
        defaultLanguage = defaultLanguage == null ? languages.get(0) : defaultLanguage;
        if (!languages.contains(defaultLanguage)) {
            throw new InvalidInput("defaultLanguage", "The default language is one of the storefront's languages");
        }
        catalogMode = catalogMode == null ? CatalogMode.STANDARD : catalogMode;
    }

    public Locale locale() {
        return Locale.forLanguageTag(defaultLanguage);
    }

    /** "linkedin=https://...;x=https://..." as stored. */
    public String socialLinksColumn() {
        return socialLinks.entrySet().stream().map(link -> link.getKey() + "=" + link.getValue()).collect(Collectors.joining(";"));
    }

    public static Map<String, String> parseLinks(String column) {
        Map<String, String> links = new LinkedHashMap<>();
        if (column != null && !column.isBlank()) {
            for (String pair : column.split(";")) {
                int at = pair.indexOf('=');
                links.put(pair.substring(0, at), pair.substring(at + 1));
            }
        }
        return links;
    }

    private static Map<String, String> links(Map<String, String> given) {
        Map<String, String> links = new LinkedHashMap<>();
        if (given == null) {
            return links;
        }
        given.forEach((network, url) -> {
            if (!NETWORKS.contains(network)) {
                throw new InvalidInput("socialLinks", "Social links are for " + NETWORKS);
            }
            if (url == null || url.isBlank()) {
                return;
            }
            URI uri;
            try {
                uri = URI.create(url.strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidInput("socialLinks", url + " is not a link");
            }
            // https only: a javascript: or data: link would run in the visitor's page
            if (!"https".equals(uri.getScheme()) || uri.getHost() == null || url.contains(";") || url.length() > 200) {
                throw new InvalidInput("socialLinks", "A social link is an https:// address of at most 200 characters");
            }
            links.put(network, uri.toString());
        });
        return links;
    }
}
