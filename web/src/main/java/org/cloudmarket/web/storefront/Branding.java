package org.cloudmarket.web.storefront;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Locale;
import org.cloudmarket.tenancy.service.StorefrontView;
import org.cloudmarket.tenancy.service.Storefronts;
import org.cloudmarket.web.tenancy.HostTenancy;

/**
 * The storefront of the current request, for pages: {@code primefaces.THEME} reads
 * {@code #{branding.theme}} on every request, so each host renders in its own base theme.
 */
@Named("branding")
@RequestScoped
public class Branding {

    @Inject
    private HostTenancy hostTenancy;

    @Inject
    private Storefronts storefronts;

    @Inject
    private HttpServletRequest request;

    private static final String LANGUAGE = Branding.class.getName() + ".language";

    private StorefrontView storefront;

    public StorefrontView getStorefront() {
        if (storefront == null) {
            storefront = storefronts.view(hostTenancy.route().storefrontId());
        }
        return storefront;
    }

    public String getTheme() {
        return getStorefront().themeName();
    }

    /**
     * The storefront's default language, or the one of its languages the visitor picked with
     * {@code ?lang=}, remembered for the session (per storefront: each host has its own session).
     */
    public Locale getLocale() {
        List<String> offered = getStorefront().details().languages();
        String picked = request.getParameter("lang");
        if (picked != null && offered.contains(picked)) {
            request.getSession().setAttribute(LANGUAGE, picked);
        }
        HttpSession session = request.getSession(false);
        Object chosen = session == null ? null : session.getAttribute(LANGUAGE);
        return chosen != null && offered.contains(chosen) ? Locale.forLanguageTag((String) chosen) : getStorefront().locale();
    }

    /** This page in another language: the same address and query, with {@code lang} set. */
    public String languageLink(String language) {
        String query = request.getQueryString() == null ? "" : request.getQueryString().replaceAll("(^|&)lang=[^&]*", "");
        query = query.startsWith("&") ? query.substring(1) : query;
        return request.getRequestURI() + "?" + (query.isEmpty() ? "" : query + "&") + "lang=" + language;
    }

    /** The other languages this storefront offers, for the language links. */
    public List<String> getOtherLanguages() {
        String current = getLocale().getLanguage();
        return getStorefront().details().languages().stream().filter(language -> !language.equals(current)).toList();
    }
}
