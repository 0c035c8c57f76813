package org.cloudmarket.channel.service;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.pricing.ExchangeRate;
import org.cloudmarket.shared.error.Conflict;
import org.cloudmarket.shared.money.Currencies;
import org.cloudmarket.shared.tenant.TenantContext;
import org.cloudmarket.tenancy.domain.Tenant;

/**
 * The rates the marketplace converts its prices at, one per currency a storefront may sell in,
 * kept in the tenant's settings. Vendors price in the marketplace's currency; a storefront in
 * another currency converts what it pays at today's rate (see PriceChain). A rate in use by a
 * storefront cannot be removed, or that storefront would have no prices.
 */
@Stateless
@PermitAll
public class ExchangeRates {

    static final String PREFIX = "exchange-rate.";

    /** The marketplace's currency and a rate for each other currency, by ISO code. */
    public record View(String marketplaceCurrency, Map<String, BigDecimal> rates) {
    }

    @Inject
    private EntityManager entityManager;

    @Inject
    private TenantContext tenantContext;

    @RolesAllowed({Role.Names.ADMIN, Role.Names.SUPERVISOR, Role.Names.DISTRIBUTOR, Role.Names.RESELLER})
    public View read() {
        return view();
    }

    @RolesAllowed(Role.Names.ADMIN)
    public View set(String code, BigDecimal rate) {
        Currency currency = currency(code);
        Tenant tenant = tenant();
        ExchangeRate checked = new ExchangeRate(tenant.getDefaultCurrency(), currency, rate);
        tenant.putSetting(PREFIX + currency.getCurrencyCode(), checked.rate().stripTrailingZeros().toPlainString());
        return view();
    }

    @RolesAllowed(Role.Names.ADMIN)
    public View remove(String code) {
        Currency currency = currency(code);
        long selling = entityManager.createQuery("SELECT COUNT(s) FROM Storefront s WHERE s.currency = :currency", Long.class)
                .setParameter("currency", currency.getCurrencyCode()).getSingleResult();
        if (selling > 0) {
            throw new Conflict(selling + " storefront(s) sell in " + currency.getCurrencyCode()
                    + ": switch them to another currency before removing its rate");
        }
        tenant().removeSetting(PREFIX + currency.getCurrencyCode());
        return view();
    }

    /** The rate from the marketplace's currency to this one; empty for the marketplace's own or one without a rate. */
    public Optional<ExchangeRate> to(Currency currency) {
        Tenant tenant = tenant();
        return Optional.ofNullable(tenant.getSettings().get(PREFIX + currency.getCurrencyCode()))
                .filter(rate -> !currency.equals(tenant.getDefaultCurrency()))
                .map(rate -> new ExchangeRate(tenant.getDefaultCurrency(), currency, new BigDecimal(rate)));
    }

    public Currency marketplaceCurrency() {
        return tenant().getDefaultCurrency();
    }

    /** Whether a storefront can sell in this currency: the marketplace's own, or one with a rate. */
    public boolean sellable(Currency currency) {
        return currency.equals(tenant().getDefaultCurrency()) || to(currency).isPresent();
    }

    private View view() {
        Tenant tenant = tenant();
        Map<String, BigDecimal> rates = new TreeMap<>();
        tenant.getSettings().forEach((key, value) -> {
            if (key.startsWith(PREFIX)) {
                rates.put(key.substring(PREFIX.length()), new BigDecimal(value));
            }
        });
        return new View(tenant.getDefaultCurrency().getCurrencyCode(), rates);
    }

    /** An ISO 4217 currency of money (see Currencies), named on field {@code currency} when it is not. */
    static Currency currency(String code) {
        return Currencies.of(code);
    }

    private Tenant tenant() {
        return entityManager.find(Tenant.class, tenantContext.requireTenantId());
    }
}
