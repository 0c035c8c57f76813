package org.cloudmarket.channel.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cloudmarket.channel.domain.PriceList;
import org.cloudmarket.channel.domain.PriceListAssignment;
import org.cloudmarket.channel.domain.PriceListEntry;
import org.cloudmarket.channel.domain.ResellerService;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.identity.service.Caller;
import org.cloudmarket.pricing.ExtraResourcePricing;
import org.cloudmarket.pricing.PriceRule;
import org.cloudmarket.shared.cache.TenantCache;
import org.cloudmarket.shared.tenant.TenantContext;
import org.cloudmarket.tenancy.domain.Organization;
import org.cloudmarket.tenancy.domain.OrganizationKind;
import org.cloudmarket.tenancy.domain.Storefront;

/**
 * Finds the price lists a storefront sells through. Walking up from the storefront's owner:
 * each organization above it buys at the list assigned to it (the distributor's wholesale list,
 * the reseller's sell-in list); the storefront then sells at its owner's default sell-out list, or
 * at the list its owner pinned the signed-in customer to.
 */
@Dependent
public class StorefrontPricing {

    @Inject
    private EntityManager entityManager;

    @Inject
    private TenantContext tenantContext;

    @Inject
    private Caller caller;

    @Inject
    private ChannelSettings settings;

    @Inject
    private ExchangeRates exchangeRates;

    /** The chain of the request's storefront; the tenant's storefront when the work has none (batch, tests). */
    public StorefrontChain current() {
        Optional<Long> storefrontId = tenantContext.storefrontId();
        if (storefrontId.isEmpty()) {
            return of(Optional.empty());
        }
        // the chain differs per visitor only through the list a signed-in customer is pinned to
        ChainKey key = new ChainKey(storefrontId.get(), caller.current().map(User::getId).orElse(0L));
        return CHAINS.get(tenantContext.requireTenantId(), key,
                () -> of(Optional.ofNullable(entityManager.find(Storefront.class, key.storefrontId()))));
    }

    /** A storefront's chain for one visitor: user 0 is every anonymous visitor. */
    private record ChainKey(long storefrontId, long userId) {
    }

    /** Every page and quote of a storefront prices through its chain: resolve it once per change of the tenant. */
    private static final TenantCache<ChainKey, StorefrontChain> CHAINS = new TenantCache<>(Duration.ofMinutes(1), 5_000);

    /**
     * The chain of the storefront an organization runs, whatever host the request came through;
     * null is the tenant, whose own storefront sells at the vendors' prices (a staff push order).
     */
    public StorefrontChain forOwner(Organization owner) {
        var query = owner == null ? entityManager.createNamedQuery(Storefront.OF_MARKETPLACE, Storefront.class)
                : entityManager.createNamedQuery(Storefront.OF_OWNER, Storefront.class).setParameter("owner", owner);
        return of(query.getResultStream().findFirst());
    }

    /**
     * Whether a seller sells to this customer through a self-billed sell-out list (DOMAIN.md, Billing: a reseller's
     * sell-out price can be self-billed): the list the customer is pinned to, else the seller's storefront default,
     * the list its orders are priced with. The tenant (a null seller) has no sell-out list. Read by ordering when the
     * first invoice is asked for (review 11, #8), independent of who asks (the buyer, or the auditor approving).
     */
    public boolean sellsSelfBilled(Long sellerId, Long customerId) {
        if (sellerId == null) {
            return false;
        }
        Organization seller = entityManager.find(Organization.class, sellerId);
        Optional<Organization> customer = Optional.ofNullable(customerId).map(id -> entityManager.find(Organization.class, id))
                .filter(org -> org.getParent().map(parent -> parent.getId().equals(sellerId)).orElse(false));
        return customer.flatMap(this::assignedTo).or(() -> defaultList(seller)).map(PriceList::isSelfBilled).orElse(false);
    }

    private StorefrontChain of(Optional<Storefront> storefront) {
        StorefrontChain chain = inMarketplaceCurrency(storefront);
        Optional<Currency> currency = storefront.map(Storefront::getCurrency);
        if (currency.isEmpty() || currency.get().equals(exchangeRates.marketplaceCurrency())) {
            return chain;
        }
        // a storefront whose rate is gone shows no prices rather than the marketplace's in its currency
        return exchangeRates.to(currency.get()).map(chain::converting)
                .orElseGet(() -> new StorefrontChain(false, chain.channelOpen(), chain.levels(), chain.services(), chain.ownerId()));
    }

    private StorefrontChain inMarketplaceCurrency(Optional<Storefront> storefront) {
        boolean showsPrices = storefront.map(found -> found.getCatalogMode().showsPrices()).orElse(true);
        Optional<Organization> owner = storefront.flatMap(Storefront::getOwner);
        if (owner.isEmpty()) {
            return new StorefrontChain(showsPrices, true, List.of());
        }
        ChannelSettings.View switches = settings.current();
        if (!switches.channelEnabled()) {
            return StorefrontChain.closed(owner.get().getId());
        }
        Optional<List<StorefrontChain.ListRules>> bought = boughtLevels(owner.get(), switches);
        if (bought.isEmpty()) {
            return new StorefrontChain(showsPrices, true, List.of(nothing()), Map.of(), owner.get().getId());
        }
        List<StorefrontChain.ListRules> levels = new ArrayList<>(bought.get());
        Optional<PriceList> selling = pinnedList(owner.get()).or(() -> defaultList(owner.get()));
        levels.add(selling.map(this::rules).orElseGet(this::nothing));
        return new StorefrontChain(showsPrices, true, levels, servicesOf(owner.get()), owner.get().getId());
    }

    /**
     * What an organization pays: the levels it buys through, without any list of its own. Nothing
     * when the channel is off or a level above has no list for it. Its rules stay in here: callers
     * get resolved prices.
     */
    public Optional<StorefrontChain> costsOf(Organization buyer) {
        ChannelSettings.View switches = settings.current();
        if (!switches.channelEnabled()) {
            return Optional.empty();
        }
        return boughtLevels(buyer, switches).map(levels -> new StorefrontChain(true, true, levels, Map.of(), buyer.getId()));
    }

    /** The lists each organization from the top of the channel down to this one buys at. */
    private Optional<List<StorefrontChain.ListRules>> boughtLevels(Organization owner, ChannelSettings.View switches) {
        List<StorefrontChain.ListRules> levels = new ArrayList<>();
        for (Organization buyer : upstreamOf(owner)) {
            if (skipped(buyer, switches)) {
                continue;
            }
            Optional<PriceList> bought = assignedTo(buyer);
            if (bought.isEmpty()) {
                return Optional.empty();
            }
            levels.add(rules(bought.get()));
        }
        return Optional.of(levels);
    }

    /** With the distributor tier off, a reseller under a distributor buys at its distributor's wholesale list. */
    private static boolean skipped(Organization buyer, ChannelSettings.View switches) {
        return !switches.distributorTierEnabled() && buyer.getKind() == OrganizationKind.RESELLER && buyer.getParent().isPresent();
    }

    /** The owner's own value-added services, by plan. */
    private Map<Long, List<ExtraResourcePricing>> servicesOf(Organization owner) {
        Map<Long, List<ExtraResourcePricing>> services = new HashMap<>();
        entityManager.createNamedQuery(ResellerService.OF_RESELLER, ResellerService.class).setParameter("reseller", owner.getId())
                .getResultStream()
                .forEach(service -> services.computeIfAbsent(service.getPlanId(), plan -> new ArrayList<>()).add(service.pricing()));
        return services;
    }

    /** The organizations from the top of the channel down to the owner: [distributor, reseller]. */
    private static List<Organization> upstreamOf(Organization owner) {
        List<Organization> chain = new ArrayList<>();
        for (Organization org = owner; org != null; org = org.getParent().orElse(null)) {
            chain.add(0, org);
        }
        return chain;
    }

    private Optional<PriceList> assignedTo(Organization buyer) {
        return entityManager.createNamedQuery(PriceListAssignment.OF_ASSIGNEE, PriceListAssignment.class)
                .setParameter("assignee", buyer.getId()).getResultStream().findFirst().map(PriceListAssignment::getPriceList);
    }

    private Optional<PriceList> defaultList(Organization owner) {
        return entityManager.createNamedQuery(PriceList.STOREFRONT_DEFAULT, PriceList.class)
                .setParameter("owner", owner.getId()).getResultStream().findFirst();
    }

    /** A customer of this storefront's owner pinned to one of its lists buys at that list. */
    private Optional<PriceList> pinnedList(Organization owner) {
        Optional<User> user = caller.current();
        Optional<Organization> customer = user.flatMap(User::getOrganization)
                .filter(org -> org.getParent().map(parent -> parent.getId().equals(owner.getId())).orElse(false));
        return customer.flatMap(this::assignedTo);
    }

    private StorefrontChain.ListRules rules(PriceList list) {
        Map<Long, Map<String, PriceRule>> byPlan = new HashMap<>();
        for (PriceListEntry entry : list.getEntries()) {
            byPlan.computeIfAbsent(entry.getPlanId(), plan -> new HashMap<>()).put(entry.getComponent(), entry.rule());
        }
        return new StorefrontChain.ListRules(list.getLevel() + " " + list.getName(), list.getDefaultMarkup(), byPlan);
    }

    /** A level that sells nothing: a missing list closes the chain below it. */
    private StorefrontChain.ListRules nothing() {
        return new StorefrontChain.ListRules("none", null, Map.of());
    }
}
