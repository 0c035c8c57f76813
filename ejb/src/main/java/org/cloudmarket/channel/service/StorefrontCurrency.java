package org.cloudmarket.channel.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.function.Supplier;
import org.cloudmarket.channel.domain.PriceListLevel;
import org.cloudmarket.channel.domain.ResellerService;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.shared.error.Conflict;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.tenancy.domain.Organization;
import org.cloudmarket.tenancy.domain.Storefront;
import org.cloudmarket.tenancy.service.StorefrontEditor;
import org.cloudmarket.tenancy.service.StorefrontView;

/**
 * The currency a distributor's or reseller's storefront sells in: the marketplace's, or one the
 * marketplace has a rate for. What the owner priced itself (fixed prices of its selling lists, its
 * services, coupons of an amount) is in its storefront's currency, so while it has any the currency
 * cannot change: 9.99 euros would silently become 9.99 dollars.
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

    /** What the owner priced in the contexts above the channel (its coupons of an amount). */
    @Inject
    private Instance<PricedInStorefrontCurrency> pricedElsewhere;

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
        // the marketplace's storefront sells at the vendors' prices: admins' and vendors' coupons are in its currency
        Organization owner = storefront.getOwner().orElseThrow(() -> new InvalidInput("currency",
                "The marketplace's own storefront sells in the marketplace's currency"));
        requireNoFixedPrices(owner);
        storefront.sellIn(to);
        entityManager.flush();
        return editor.mine();
    }

    private Currency sellable(String code) {
        Currency currency = ExchangeRates.currency(code);
        if (!exchangeRates.sellable(currency)) {
            throw new InvalidInput("currency", "The marketplace has no exchange rate for " + currency.getCurrencyCode()
                    + "; a storefront sells in one of " + choices());
        }
        return currency;
    }

    /**
     * What the owner priced in its storefront's currency must not silently change currency: fixed
     * prices of the lists its storefront sells at, its own services, and its coupons of an amount.
     */
    private void requireNoFixedPrices(Organization owner) {
        List<String> lists = entityManager.createQuery("SELECT DISTINCT e.priceList.name FROM PriceListEntry e"
                        + " WHERE e.priceList.ownerId = :owner AND e.price IS NOT NULL"
                        + " AND (e.priceList.level = :sellOut OR e.priceList.storefrontDefault = TRUE)", String.class)
                .setParameter("owner", owner.getId()).setParameter("sellOut", PriceListLevel.SELL_OUT).getResultList();
        if (!lists.isEmpty()) {
            throw new Conflict("The price lists " + lists + " hold fixed prices in the storefront's currency: "
                    + "make them markups before changing the currency");
        }
        long services = entityManager.createNamedQuery(ResellerService.OF_RESELLER, ResellerService.class)
                .setParameter("reseller", owner.getId()).getResultList().size();
        if (services > 0) {
            throw new Conflict("Your " + services + " value-added service(s) are priced in the storefront's currency: "
                    + "remove them before changing the currency");
        }
        for (PricedInStorefrontCurrency priced : pricedElsewhere) {
            priced.blocksCurrencyChange(owner).ifPresent(reason -> {
                throw new Conflict(reason);
            });
        }
    }
}
