package org.cloudmarket.web.backoffice;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import org.cloudmarket.identity.domain.AuditEntry.Channel;
import org.cloudmarket.platform.service.Marketplaces;
import org.cloudmarket.platform.service.TenantForm;
import org.cloudmarket.platform.service.TenantView;
import org.cloudmarket.shared.error.DomainException;
import org.cloudmarket.tenancy.domain.StorefrontDetails;

/** The platform operator's marketplaces: the list, and the form that opens a new one. */
@Named
@ViewScoped
public class TenantsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What a select offers; the service checks the value again, whatever the page sent. */
    private static final List<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .filter(currency -> currency.getDefaultFractionDigits() >= 0).map(Currency::getCurrencyCode).sorted().toList();
    private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream().sorted().toList();

    @Inject
    private Marketplaces marketplaces;

    private String slug;
    private String name;
    private String currency = "EUR";
    private String timeZone = "UTC";
    private String locale = "en";
    private String adminEmail;

    private transient List<TenantView> tenants;

    public List<TenantView> getTenants() {
        if (tenants == null) {
            tenants = marketplaces.list();
        }
        return tenants;
    }

    public void create() {
        try {
            TenantView created = marketplaces.create(new TenantForm(slug, name, currency, timeZone, locale, adminEmail),
                    ClientAddress.ofRequest(), Channel.WEB);
            PageMessages.done(created.name() + " is open at " + created.url() + "; " + created.adminEmail()
                    + " is invited to set a password.");
            slug = null;
            name = null;
            adminEmail = null;
            tenants = null;
        } catch (DomainException refused) {
            PageMessages.refused(refused);
        }
    }

    public List<String> getCurrencies() {
        return CURRENCIES;
    }

    public List<String> getZones() {
        return ZONES;
    }

    public List<String> getLocales() {
        return StorefrontDetails.LANGUAGES.stream().sorted().toList();
    }

    public String getSlug() { return slug; }
    public void setSlug(String slug) { this.slug = slug; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public String getTimeZone() { return timeZone; }
    public void setTimeZone(String timeZone) { this.timeZone = timeZone; }
    public String getLocale() { return locale; }
    public void setLocale(String locale) { this.locale = locale; }
    public String getAdminEmail() { return adminEmail; }
    public void setAdminEmail(String adminEmail) { this.adminEmail = adminEmail; }
}
