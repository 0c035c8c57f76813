package org.cloudmarket.billing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cloudmarket.pricing.Coupon;
import org.cloudmarket.pricing.PlanPricing;
import org.cloudmarket.pricing.PriceCalculator;
import org.cloudmarket.pricing.Quote;
import org.cloudmarket.pricing.QuoteLine;
import org.cloudmarket.pricing.QuoteRequest;
import org.cloudmarket.shared.money.Money;
import org.cloudmarket.subscription.domain.PriceSnapshot;

/**
 * The proceeds of one period of a subscription as values (DOMAIN.md, Billing: every proceed carries the whole
 * chain): the period is priced at every level of its PriceSnapshot with {@link PriceCalculator#period}, and each
 * sell-out line is matched by its component with the vendor, wholesale and sell-in lines. Pure: no clock, no database.
 */
public final class ProceedChain {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ProceedChain() {
    }

    /** One proceed to write: its component and kind, what the invoice says, and the chain of its amount. */
    public record Item(String component, ProceedKind kind, String description, BigDecimal quantity, Proceed.Chain chain) {
    }

    /** What a period is priced from: the window's prices, the quantities held, the coupon, and when. */
    public record PeriodInput(PriceSnapshot prices, int duration, Map<String, Long> extraResources, Optional<Coupon> coupon,
                              QuoteRequestTime time, boolean first, FeePercents fees) {
    }

    /** The instant the period is priced at (the coupon's validity) and where its days are counted. */
    public record QuoteRequestTime(java.time.Instant at, java.time.ZoneId zone, java.time.Instant periodStart) {
    }

    public static List<Item> items(PeriodInput input) {
        PriceSnapshot prices = input.prices();
        // The coupon is the storefront's: it lowers the sell-out price only, so its discount is borne by the seller
        // of the storefront (the tenant, or the reseller); the vendor, wholesale and sell-in levels are paid in full.
        Quote sellOut = price(prices.sellOut(), input, input.coupon());
        Map<String, QuoteLine> vendor = byComponent(price(prices.vendor(), input, Optional.empty()));
        Map<String, QuoteLine> wholesale = byComponent(price(prices.wholesale(), input, Optional.empty()));
        Map<String, QuoteLine> sellIn = byComponent(price(prices.sellIn(), input, Optional.empty()));
        Currency upstream = prices.marketplaceCurrency();
        BigDecimal rate = prices.exchangeRate() == null ? null : prices.exchangeRate().rate();
        List<Item> items = new ArrayList<>();
        for (QuoteLine line : sellOut.lines()) {
            BigDecimal vendorAmount = amount(vendor, line);
            BigDecimal fee = fee(vendorAmount, input.fees().of(line.component()), upstream);
            Proceed.Chain chain = new Proceed.Chain(line.amount().currency(), line.unitPrice().amount(), line.amount().amount(), upstream,
                    vendorAmount, amount(wholesale, line), amount(sellIn, line), fee, rate);
            items.add(new Item(line.component(), kind(line.type()), line.description(), line.quantity(), chain));
        }
        return items;
    }

    /**
     * The platform fee of a line (DOMAIN.md, Billing: a percentage of its vendor price), rounded once to the upstream
     * currency; none for a line the vendor does not sell (a discount, a reseller's own service).
     */
    public static BigDecimal fee(BigDecimal vendorAmount, BigDecimal percent, Currency upstream) {
        return vendorAmount == null ? null
                : new Money(vendorAmount.multiply(percent).divide(HUNDRED, Money.SCALE, RoundingMode.HALF_UP), upstream).rounded().amount();
    }

    /**
     * The items a period still lacks, given the (component, kind) pairs its proceeds already hold for the same
     * subscription, period start and order: a re-run of a billed period gets none, a run cut short gets the rest.
     */
    public static List<Item> missing(List<Item> items, java.util.Set<String> written) {
        java.util.Set<String> seen = new java.util.HashSet<>(written);
        return items.stream().filter(item -> seen.add(key(item.component(), item.kind()))).toList();
    }

    /** A proceed's place in its period under the natural key, besides subscription, period start and order. */
    public static String key(String component, ProceedKind kind) {
        return component + "/" + kind;
    }

    private static Quote price(PlanPricing plan, PeriodInput input, Optional<Coupon> coupon) {
        // a level prices only the extra resources it knows: a reseller's own services exist on its sell-out level only
        Map<String, Long> known = input.extraResources().entrySet().stream()
                .filter(entry -> plan.extraResources().stream().anyMatch(resource -> resource.code().equals(entry.getKey())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        QuoteRequestTime time = input.time();
        return PriceCalculator.period(new QuoteRequest(plan, input.duration(), known, coupon, time.at(), Map.of(), time.zone(),
                time.periodStart()), input.first());
    }

    private static Map<String, QuoteLine> byComponent(Quote quote) {
        return quote.lines().stream().collect(Collectors.toMap(QuoteLine::component, Function.identity(), (a, b) -> a));
    }

    /** The level's amount of the same component; none for what that level does not sell (a discount, a reseller's service). */
    private static BigDecimal amount(Map<String, QuoteLine> level, QuoteLine sellOut) {
        if (sellOut.type() == QuoteLine.Type.DISCOUNT || sellOut.type() == QuoteLine.Type.BUNDLE_DISCOUNT) {
            return null;
        }
        QuoteLine line = level.get(sellOut.component());
        return line == null ? null : line.amount().amount();
    }

    static ProceedKind kind(QuoteLine.Type type) {
        return switch (type) {
            case LICENSE -> ProceedKind.LICENSE;
            case SETUP_FEE -> ProceedKind.SETUP_FEE;
            // a post-paid resource is one amount a period too, billed at its end (issue 13) under its own extra:<code>
            case EXTRA_RESOURCE, POST_PAID_RESOURCE -> ProceedKind.EXTRA_RESOURCE;
            case DISCOUNT -> ProceedKind.DISCOUNT;
            case BUNDLE_DISCOUNT -> ProceedKind.BUNDLE_DISCOUNT;
            case USAGE -> ProceedKind.USAGE;
        };
    }
}
