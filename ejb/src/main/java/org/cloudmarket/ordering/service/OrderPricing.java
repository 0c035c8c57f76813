package org.cloudmarket.ordering.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cloudmarket.catalog.domain.BundleItem;
import org.cloudmarket.catalog.domain.Plan;
import org.cloudmarket.channel.service.LevelPrices;
import org.cloudmarket.channel.service.StorefrontChain;
import org.cloudmarket.ordering.domain.Coupon;
import org.cloudmarket.ordering.domain.OrderLine;
import org.cloudmarket.pricing.BundleComponent;
import org.cloudmarket.pricing.ExchangeRate;
import org.cloudmarket.pricing.PlanPricing;
import org.cloudmarket.pricing.PriceCalculator;
import org.cloudmarket.pricing.Quote;
import org.cloudmarket.pricing.QuoteLine;
import org.cloudmarket.pricing.QuoteRequest;
import org.cloudmarket.shared.error.InvalidInput;

/**
 * Prices a purchase as quotes do (the storefront's {@link StorefrontChain} and the
 * {@link PriceCalculator}), and for an order also the levels above the sell-out price: the same
 * request priced at the vendor's, wholesale and sell-in prices, matched line by line through
 * {@link QuoteLine#component()}. Quotes and orders share this class, so an order costs what its
 * quote said.
 */
@Dependent
public class OrderPricing {

    @Inject
    private EntityManager entityManager;

    /** One plan of an order priced: its sell-out quote, its lines with the chain, its levels, currencies and rate. */
    public record Priced(Plan plan, Quote quote, List<OrderLine.Priced> lines, LevelPrices levels, Currency currency,
                         Currency marketplaceCurrency, ExchangeRate rate) {

        /** The rate the order keeps; null when it sells in the marketplace's currency. */
        public BigDecimal exchangeRate() {
            return rate == null ? null : rate.rate();
        }
    }

    /**
     * The first period starts on the given day (midnight in the tenant's zone), or now. Never on a
     * past day, which would let an expired coupon or an old period in; at most a year ahead.
     */
    public static Instant startOf(LocalDate day, ZoneId zone, Instant now) {
        if (day == null) {
            return now;
        }
        LocalDate today = LocalDate.ofInstant(now, zone);
        if (day.isBefore(today) || day.isAfter(today.plusYears(1))) {
            throw new InvalidInput("start", "start is a day from today (" + today + ") to a year later");
        }
        return day.atStartOfDay(zone).toInstant();
    }

    /** The coupon of the code, when it may be used on this storefront for this plan; empty for no code. */
    public Optional<Coupon> coupon(String code, Plan plan, StorefrontChain prices) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        String normalized = code.strip().toUpperCase(Locale.ROOT);
        Coupon coupon = entityManager.createNamedQuery(Coupon.BY_CODE, Coupon.class).setParameter("code", normalized)
                .getResultStream().findFirst()
                .orElseThrow(() -> new InvalidInput("couponCode", "There is no coupon " + normalized));
        if (!coupon.validOn(prices.ownerId())) {
            throw new InvalidInput("couponCode", "Coupon " + normalized + " is not valid on this storefront");
        }
        if (!coupon.appliesTo(plan)) {
            throw new InvalidInput("couponCode", "Coupon " + normalized + " does not apply to " + plan.getProduct().getName()
                    + " " + plan.getName());
        }
        return Optional.of(coupon);
    }

    /** A standard plan's order: the request priced at the storefront, then at every level above it. */
    public Priced price(Plan plan, StorefrontChain chain, int duration, Map<String, Long> extraResources,
                        Optional<org.cloudmarket.pricing.Coupon> coupon, Instant at, ZoneId zone, Instant start) {
        LevelPrices levels = chain.levelPrices(plan).orElseThrow(() -> notSold(plan));
        QuoteRequest request = new QuoteRequest(levels.sellOut(), duration, extraResources, coupon, at, Map.of(), zone, start);
        return priced(plan, chain, levels, PriceCalculator.quote(request), request);
    }

    /**
     * A bundle's orders, one per component plan (DOMAIN.md, Bundles): the bundle's quote split after
     * each component's bundle-discount line, so that the parts add up to the quote of the bundle.
     */
    public List<Priced> priceBundle(Plan bundle, StorefrontChain chain, int duration, Instant now) {
        List<BundleComponent> components = chain.bundle(bundle).orElseThrow(() -> notSold(bundle));
        Quote whole = PriceCalculator.quoteBundle(components, duration, now);
        List<List<QuoteLine>> parts = splitAfterDiscounts(whole.lines());
        List<Priced> priced = new ArrayList<>();
        List<BundleItem> items = bundle.getBundleItems();
        for (int i = 0; i < items.size(); i++) {
            Plan plan = items.get(i).getComponentPlan();
            LevelPrices levels = chain.levelPrices(plan).orElseThrow(() -> notSold(bundle));
            Quote part = new Quote(parts.get(i), parts.get(i).stream().map(QuoteLine::amount)
                    .reduce(org.cloudmarket.shared.money.Money.zero(whole.total().currency()), org.cloudmarket.shared.money.Money::plus), 0);
            priced.add(priced(plan, chain, levels, part, new QuoteRequest(levels.sellOut(), duration, Map.of(), Optional.empty(), now)));
        }
        return priced;
    }

    /** A plan this storefront does not sell: the same refusal as an id that does not exist, naming nothing of it. */
    static InvalidInput notSold(Plan plan) {
        return new InvalidInput("planId", "Plan " + plan.getId() + " is not sold on this storefront");
    }

    private Priced priced(Plan plan, StorefrontChain chain, LevelPrices levels, Quote sellOut, QuoteRequest request) {
        List<OrderLine.Priced> lines = withChain(sellOut, unitPrices(levels.vendor(), request), unitPrices(levels.wholesale(), request),
                unitPrices(levels.sellIn(), request));
        Currency marketplace = levels.vendor().license().currency();
        return new Priced(plan, sellOut, lines, levels, sellOut.total().currency(), marketplace, chain.rate());
    }

    /** The unit price of each component at one level, for the extra resources that level sells (not a reseller's own). */
    private static Map<String, BigDecimal> unitPrices(PlanPricing level, QuoteRequest request) {
        Map<String, Long> extras = request.extraResources().entrySet().stream()
                .filter(entry -> level.extraResources().stream().anyMatch(resource -> resource.code().equals(entry.getKey())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Quote quote = PriceCalculator.quote(new QuoteRequest(level, request.duration(), extras, Optional.empty(), request.at(),
                Map.of(), request.zone(), request.start()));
        return quote.lines().stream().collect(Collectors.toMap(QuoteLine::component, line -> line.unitPrice().amount(), (a, b) -> a));
    }

    /**
     * The sell-out lines with, per component, the unit prices of the levels above (null where a
     * level does not price the component: a reseller's own service, a discount). Pure.
     */
    static List<OrderLine.Priced> withChain(Quote sellOut, Map<String, BigDecimal> vendor, Map<String, BigDecimal> wholesale,
                                            Map<String, BigDecimal> sellIn) {
        Function<Map<String, BigDecimal>, Function<QuoteLine, BigDecimal>> at = level -> line -> isDiscount(line) ? null
                : level.get(line.component());
        return sellOut.lines().stream().map(line -> new OrderLine.Priced(line.type(), line.component(), line.description(),
                line.quantity(), line.unitPrice().amount(), line.amount().amount(), at.apply(vendor).apply(line),
                at.apply(wholesale).apply(line), at.apply(sellIn).apply(line))).toList();
    }

    private static boolean isDiscount(QuoteLine line) {
        return line.type() == QuoteLine.Type.DISCOUNT || line.type() == QuoteLine.Type.BUNDLE_DISCOUNT;
    }

    /** A bundle quote's lines per component: each part ends with its bundle-discount line. Pure. */
    static List<List<QuoteLine>> splitAfterDiscounts(List<QuoteLine> lines) {
        List<List<QuoteLine>> parts = new ArrayList<>();
        List<QuoteLine> part = new ArrayList<>();
        for (QuoteLine line : lines) {
            part.add(line);
            if (line.type() == QuoteLine.Type.BUNDLE_DISCOUNT) {
                parts.add(part);
                part = new ArrayList<>();
            }
        }
        return parts;
    }
}
