package org.cloudmarket.billing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import org.cloudmarket.metering.domain.UsageMeasure;
import org.cloudmarket.pricing.ExtraResourceBilling;
import org.cloudmarket.pricing.ExtraResourcePricing;
import org.cloudmarket.pricing.MetricPricing;
import org.cloudmarket.pricing.PlanPricing;
import org.cloudmarket.pricing.PriceChain;
import org.cloudmarket.shared.money.Money;
import org.cloudmarket.subscription.domain.PriceSnapshot;

/**
 * The proceeds of a closed period, billed in arrears (DOMAIN.md, Billing): the POST_PAID extra resources for the quantity
 * held, in full, and every metric's measured usage (a PAY_AS_YOU_GO resource's under its own {@code extra:<code>}), each
 * priced at every level of the window's snapshot with the one usage rule ({@link UsageMeasure#cost(PlanPricing, String,
 * BigDecimal)}, that is {@link PlanPricing#usageCost}) and rounded once. A level that does not sell the component (a
 * reseller's own service) has no amount, as in {@link ProceedChain}.
 */
final class PostpaidItems {

    private PostpaidItems() {
    }

    /** A component a closed period bills, before it is measured and priced. */
    record Component(String component, ProceedKind kind) {
    }

    /** What {@link #of} bills for any closed period: known without measuring, so a period billed already costs no measure. */
    static List<Component> components(PriceSnapshot prices, Map<String, Long> quantities) {
        return of(prices, quantities, Map.of(), code -> BigDecimal.ZERO).stream()
                .map(item -> new Component(item.component(), item.kind())).toList();
    }

    static List<ProceedChain.Item> of(PriceSnapshot prices, Map<String, Long> quantities, Map<String, BigDecimal> measured,
                                      Function<String, BigDecimal> feePercent) {
        List<ProceedChain.Item> items = new ArrayList<>();
        PlanPricing sellOut = prices.sellOut();
        sellOut.extraResources().stream().filter(resource -> resource.billing() == ExtraResourceBilling.POST_PAID)
                .filter(resource -> quantities.getOrDefault(resource.code(), 0L) > 0)
                .sorted((a, b) -> a.code().compareTo(b.code()))
                .forEach(resource -> items.add(postPaid(prices, resource, quantities.get(resource.code()), feePercent)));
        for (String metric : metricCodes(sellOut)) {
            items.add(usage(prices, metric, measured.getOrDefault(metric, BigDecimal.ZERO), feePercent));
        }
        return items;
    }

    private static ProceedChain.Item postPaid(PriceSnapshot prices, ExtraResourcePricing resource, long quantity,
                                              Function<String, BigDecimal> feePercent) {
        String component = PriceChain.extraResource(resource.code());
        Function<PlanPricing, Optional<Money>> price = level -> level.extraResources().stream()
                .filter(each -> each.code().equals(resource.code())).findFirst()
                .map(each -> each.periodPrice(quantity, level.license().currency()));
        Money unit = price.apply(prices.sellOut()).orElseThrow();
        String description = resource.name() + ", " + quantity + " " + resource.unit() + " (" + resource.scheme().name().toLowerCase()
                + "), billed at the period's end";
        return item(prices, component, ProceedKind.EXTRA_RESOURCE, description, unit, level -> price.apply(level).map(Money::rounded),
                feePercent);
    }

    private static ProceedChain.Item usage(PriceSnapshot prices, String metric, BigDecimal measured, Function<String, BigDecimal> feePercent) {
        PlanPricing sellOut = prices.sellOut();
        Optional<ExtraResourcePricing> payAsYouGo = payAsYouGo(sellOut, metric);
        String shown = measured.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        String description = payAsYouGo.map(resource -> resource.name() + " (pay as you go), " + shown + " " + resource.unit())
                .orElseGet(() -> sellOut.metrics().stream().filter(each -> each.code().equals(metric)).findFirst()
                        .map(each -> each.name() + ", " + shown + " " + each.unit()).orElse(metric + ", " + shown));
        String component = payAsYouGo.map(resource -> PriceChain.extraResource(resource.code())).orElse(PriceChain.metric(metric));
        return item(prices, component, ProceedKind.USAGE, description, sellOut.usageCost(metric, measured),
                level -> knows(level, metric) ? Optional.of(UsageMeasure.cost(level, metric, measured)) : Optional.empty(), feePercent);
    }

    /** One line a period: the unrounded unit price of the sell-out, each level's amount rounded once. */
    private static ProceedChain.Item item(PriceSnapshot prices, String component, ProceedKind kind, String description, Money unitPrice,
                                          Function<PlanPricing, Optional<Money>> amount, Function<String, BigDecimal> feePercent) {
        BigDecimal vendor = amount.apply(prices.vendor()).map(Money::amount).orElse(null);
        BigDecimal fee = ProceedChain.fee(vendor, feePercent.apply(component), prices.marketplaceCurrency());
        BigDecimal rate = prices.exchangeRate() == null ? null : prices.exchangeRate().rate();
        Proceed.Chain chain = new Proceed.Chain(prices.orderCurrency(), unitPrice.amount(), amount.apply(prices.sellOut()).orElseThrow().amount(),
                prices.marketplaceCurrency(), vendor, amount.apply(prices.wholesale()).map(Money::amount).orElse(null),
                amount.apply(prices.sellIn()).map(Money::amount).orElse(null), fee, rate);
        return new ProceedChain.Item(component, kind, description, BigDecimal.ONE, chain);
    }

    /** The metrics the sell-out level bills: its own, and those a pay-as-you-go resource is measured by. */
    private static TreeSet<String> metricCodes(PlanPricing plan) {
        TreeSet<String> codes = new TreeSet<>();
        plan.metrics().stream().map(MetricPricing::code).forEach(codes::add);
        plan.extraResources().stream().filter(resource -> resource.billing() == ExtraResourceBilling.PAY_AS_YOU_GO)
                .map(ExtraResourcePricing::metricCode).filter(code -> code != null).forEach(codes::add);
        return codes;
    }

    private static boolean knows(PlanPricing level, String metric) {
        return level.metrics().stream().anyMatch(each -> each.code().equals(metric)) || payAsYouGo(level, metric).isPresent();
    }

    private static Optional<ExtraResourcePricing> payAsYouGo(PlanPricing plan, String metric) {
        return plan.extraResources().stream().filter(resource -> resource.billing() == ExtraResourceBilling.PAY_AS_YOU_GO)
                .filter(resource -> metric.equals(resource.metricCode())).findFirst();
    }
}
