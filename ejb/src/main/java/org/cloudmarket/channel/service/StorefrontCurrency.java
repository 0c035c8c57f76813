package org.cloudmarket.channel.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.shared.error.Conflict;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.tenancy.domain.Organization;
import org.cloudmarket.tenancy.domain.Storefront;
import org.cloudmarket.tenancy.service.StorefrontEditor;
import org.cloudmarket.tenancy.service.StorefrontView;

/**
 * The currency a storefront sells in: the marketplace's, or one the marketplace has a rate for.
 * The owner's fixed prices are in its storefront's currency, so a storefront whose owner's lists
 * hold fixed prices cannot change currency: 9.99 euros would silently become 9.99 dollars.
 */
@Stateless
@RolesAllowed({Role.Names.ADMIN, Role.Names.DISTRIBUTOR, Role.Names.RESELLER})
public class StorefrontCurrency {

    @Inject
    private EntityManager entityManager;

    @Inject
    private StorefrontEditor editor;

    @Inject
    private ExchangeRates exchangeRates;

    /** The currencies the caller's storefront can sell in, the marketplace's first. */
    public List<String> choices() {
        ExchangeRates.View rates = exchangeRates.read();
        List<String> choices = new ArrayList<>(List.of(rates.marketplaceCurrency()));
        choices.addAll(rates.rates().keySet());
        return choices;
    }

    /**
     * The owner's other changes to its storefront and, when given, its currency, in one transaction:
     * a refused currency leaves the rest unsaved too.
     */
    public StorefrontView save(String currency, Supplier<StorefrontView> otherChanges) {
        StorefrontView saved = otherChanges.get();
        if (currency == null || currency.isBlank() || currency.strip().equalsIgnoreCase(saved.currency().getCurrencyCode())) {
            return saved;
        }
        Currency to = sellable(currency);
        Storefront storefront = entityManager.find(Storefront.class, saved.id());
        storefront.getOwner().ifPresent(this::requireNoFixedPrices);
        storefront.sellIn(to);
        entityManager.flush();
        return editor.mine();
    }

    private Currency sellable(String code) {
        Currency currency;
        try {
            currency = Currency.getInstance(code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInput("currency", code + " is not an ISO 4217 currency code");
        }
        if (!exchangeRates.sellable(currency)) {
            throw new InvalidInput("currency", "The marketplace has no exchange rate for " + currency.getCurrencyCode()
                    + "; a storefront sells in one of " + choices());
        }
        return currency;
    }

    private void requireNoFixedPrices(Organization owner) {
        List<String> lists = entityManager.createQuery("SELECT DISTINCT e.priceList.name FROM PriceListEntry e"
                        + " WHERE e.priceList.ownerId = :owner AND e.price IS NOT NULL", String.class)
                .setParameter("owner", owner.getId()).getResultList();
        if (!lists.isEmpty()) {
            throw new Conflict("The price lists " + lists + " hold fixed prices in the storefront's currency: "
                    + "make them markups before changing the currency");
        }
    }
}
