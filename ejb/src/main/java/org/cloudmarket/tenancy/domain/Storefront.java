package org.cloudmarket.tenancy.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.persistence.TenantOwned;

/** A branded shop window of the tenant itself, or of one of its distributors or resellers. */
@Entity
@Table(name = "storefront")
public class Storefront extends TenantOwned {

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
        this.createdAt = createdAt;
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
