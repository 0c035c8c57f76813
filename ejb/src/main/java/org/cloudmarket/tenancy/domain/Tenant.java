package org.cloudmarket.tenancy.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.cloudmarket.shared.error.InvalidInput;

/**
 * A marketplace owner. Platform data, not tenant-owned: it is the tenant. Read through the named
 * cross-tenant services only.
 */
@Entity
@Table(name = "tenant")
@NamedQuery(name = Tenant.BY_SLUG, query = "SELECT t FROM Tenant t WHERE t.slug = :slug")
@NamedQuery(name = Tenant.ALL, query = "SELECT t FROM Tenant t ORDER BY t.id DESC")
public class Tenant {

    public static final String BY_SLUG = "Tenant.bySlug";
    /** Every marketplace, newest first: the platform operator's list. */
    public static final String ALL = "Tenant.all";
    /** The slug of the platform's own tenant, the one whose users may hold SUPER_ADMIN. */
    public static final String PLATFORM = "platform";
    private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9-]{1,62}");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String slug;
    private String name;

    @Column(name = "default_currency")
    private String defaultCurrency;

    @Column(name = "time_zone")
    private String timeZone;

    private String locale;

    @ElementCollection
    @CollectionTable(name = "tenant_setting", joinColumns = @JoinColumn(name = "tenant_id"))
    @MapKeyColumn(name = "name")
    @Column(name = "value")
    private Map<String, String> settings = new HashMap<>();

    @Column(name = "created_at")
    private Instant createdAt;

    /** The marketplace owner's own billing details, which the invoices it issues carry. */
    @Embedded
    private BillingDetails billingDetails;

    @Version
    private long version;

    protected Tenant() {
    }

    public Tenant(String slug, String name, Currency defaultCurrency, ZoneId timeZone, Locale locale, Instant createdAt) {
        requireSlug(slug);
        if (name == null || name.isBlank()) {
            throw new InvalidInput("name", "A tenant needs a name");
        }
        this.slug = slug;
        this.name = name.strip();
        this.defaultCurrency = defaultCurrency.getCurrencyCode();
        this.timeZone = timeZone.getId();
        this.locale = locale.toLanguageTag();
        this.createdAt = createdAt;
    }

    /** A tenant's slug names its sub-domain: 2-63 lower-case letters, digits or dashes, starting with a letter. */
    public static String requireSlug(String slug) {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw new InvalidInput("slug", "A tenant slug is 2-63 lower-case letters, digits or dashes, starting with a letter");
        }
        return slug;
    }

    public Long getId() {
        return id;
    }

    /** The platform operator's own tenant: it runs the marketplaces and has no customers of its own. */
    public boolean isPlatform() {
        return PLATFORM.equals(slug);
    }

    public String getSlug() {
        return slug;
    }

    public String getName() {
        return name;
    }

    public Currency getDefaultCurrency() {
        return Currency.getInstance(defaultCurrency);
    }

    public ZoneId getTimeZone() {
        return ZoneId.of(timeZone);
    }

    public Locale getLocale() {
        return Locale.forLanguageTag(locale);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Map<String, String> getSettings() {
        return Map.copyOf(settings);
    }

    public void removeSetting(String key) {
        settings.remove(key);
    }

    public void putSetting(String key, String value) {
        settings.put(key, value);
    }

    /** Empty until the owner gave its billing details. */
    public Optional<BillingDetails> getBillingDetails() {
        return Optional.ofNullable(billingDetails).filter(BillingDetails::isPresent);
    }

    public void changeBillingDetails(BillingDetails details) {
        this.billingDetails = details;
    }
}
