package org.cloudmarket.web.storefront;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    /** The visitor's language pick: a value of a few letters, not a session. */
    public static final String LANGUAGE_COOKIE = "cm-lang";

    private StorefrontView storefront;
    private Locale locale;

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
     * {@code ?lang=}, remembered in a plain cookie of the host (each host has its own): never in a
     * session, which anonymous pages do not open.
     */
    public Locale getLocale() {
        if (locale == null) {
            List<String> offered = getStorefront().details().languages();
            String picked = request.getParameter("lang");
            if (picked != null && offered.contains(picked)) {
                remember(picked);
            } else {
                picked = chosenLanguage(request);
            }
            locale = picked != null && offered.contains(picked) ? Locale.forLanguageTag(picked) : getStorefront().locale();
        }
        return locale;
    }

    /** The language the visitor picked earlier on this host, if the cookie holds one that could be a language. */
    public static String chosenLanguage(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (LANGUAGE_COOKIE.equals(cookie.getName()) && cookie.getValue() != null && cookie.getValue().matches("[a-z]{2}")) {
                return cookie.getValue();
            }
        }
        return null;
    }

    private void remember(String language) {
        if (language.equals(chosenLanguage(request))) {
            return;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces != null) {
            faces.getExternalContext().addResponseCookie(LANGUAGE_COOKIE, language, Map.of("path", "/", "maxAge", 31_536_000,
                    "httpOnly", true)); // SameSite=Lax: WEB-INF/undertow-handlers.conf
        }
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
