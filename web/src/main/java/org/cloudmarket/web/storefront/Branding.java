package org.cloudmarket.web.storefront;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
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

    public Locale getLocale() {
        return getStorefront().locale();
    }
}
