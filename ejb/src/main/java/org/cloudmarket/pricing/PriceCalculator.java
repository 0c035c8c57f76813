package org.cloudmarket.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cloudmarket.pricing.Coupon.AmountOff;
import org.cloudmarket.pricing.Coupon.DiscountDestination;
import org.cloudmarket.pricing.Coupon.ExtendedTrial;
import org.cloudmarket.pricing.Coupon.PercentOff;
import org.cloudmarket.pricing.Coupon.PriceOverride;
import org.cloudmarket.pricing.QuoteLine.Type;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.money.Money;

/**
 * Prices a plan purchase (values in, values out): the license for every billing period of the
 * duration, the setup fee once, chosen extra resources every period (prepaid ones in advance,
 * post-paid ones at each period's end), estimated usage, then the coupon. Every
 * line is rounded once; the total is the sum of the rounded lines.
 */
public final class PriceCalculator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private PriceCalculator() {
    }

    public static Quote quote(QuoteRequest request) {
        long periods = periods(request.plan(), request.duration());
        return price(request, periods, true, true);
    }

    /**
     * One billing period of the purchase, as an invoice charges it in advance: the license, the
     * prepaid extra resources and the coupon for one period, and the setup fee when it is the
     * first. Usage and post-paid resources are billed in arrears, so they are left out. The duration is checked as for
     * a quote, so a period of an order that could not be placed is never priced.
     */
    public static Quote period(QuoteRequest request, boolean first) {
        periods(request.plan(), request.duration());
        return price(request, 1, first, false);
    }

    private static Quote price(QuoteRequest request, long periods, boolean withSetupFee, boolean withUsage) {
        PlanPricing plan = request.plan();
        request.coupon().ifPresent(coupon -> requireUsable(coupon, request));
        Money license = request.coupon().map(Coupon::effect)
                .filter(PriceOverride.class::isInstance).map(effect -> ((PriceOverride) effect).license())
                .orElse(plan.license());

        List<QuoteLine> lines = new ArrayList<>();
        lines.add(line(Type.LICENSE, PriceChain.LICENSE, plan.name() + " license, " + periods + " x " + plan.billingFrequency() + " "
                + plan.unit().name().toLowerCase(), periods, license));
        if (withSetupFee && plan.setupFee().amount().signum() > 0) {
            lines.add(line(Type.SETUP_FEE, PriceChain.SETUP_FEE, plan.name() + " setup fee", 1, plan.setupFee()));
        }
        request.extraResources().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .filter(entry -> entry.getValue() != 0)
                .map(entry -> extraResourceLine(plan, entry.getKey(), entry.getValue(), periods))
                .filter(line -> withUsage || line.type() == Type.EXTRA_RESOURCE) // post-paid: billed at the period's end
                .forEach(lines::add);
        if (withUsage && !request.usage().isEmpty()) {
            BillingPeriod first = plan.firstPeriod(request.start(), request.zone());
            request.usage().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(entry -> lines.add(usageLine(plan, entry.getKey(), entry.getValue(), first, periods)));
        }
        request.coupon().map(Coupon::effect).ifPresent(effect -> discountLine(effect, lines, periods).ifPresent(lines::add));

        int trialDays = request.coupon().map(Coupon::effect).filter(ExtendedTrial.class::isInstance)
                .filter(effect -> plan.trialDays() > 0)
                .map(effect -> ((ExtendedTrial) effect).days()).orElse(plan.trialDays());
        return Quote.of(lines, Money.zero(plan.license().currency()), trialDays);
    }

    /** A bundle costs the sum of its plans' prices, each less its discount percentage. */
    public static Quote quoteBundle(List<BundleComponent> components, int duration, Instant at) {
        if (components.size() < 2) {
            throw new InvalidInput("plans", "A bundle has plans of two products or more");
        }
        if (components.stream().map(component -> component.plan().license().currency()).distinct().count() > 1) {
            throw new InvalidInput("plans", "The plans of a bundle are priced in one currency");
        }
        List<QuoteLine> lines = new ArrayList<>();
        for (BundleComponent component : components) {
            Quote alone = quote(new QuoteRequest(component.plan(), duration, Map.of(), Optional.empty(), at));
            lines.addAll(alone.lines());
            Money discount = alone.total().times(component.discountPercent()).dividedBy(HUNDRED);
            String percent = component.discountPercent().stripTrailingZeros().toPlainString();
            lines.add(line(Type.BUNDLE_DISCOUNT, QuoteLine.BUNDLE_DISCOUNT, component.plan().name() + " bundle discount " + percent + "%", 1, discount.times(-1)));
        }
        return Quote.of(lines, Money.zero(components.get(0).plan().license().currency()), 0);
    }

    /**
     * What a bundle costs per billing period, without setup fees: each plan's license less its
     * discount, each rounded as the bundle's quote rounds its lines. Catalogs show and filter by it.
     */
    public static BigDecimal bundlePeriodPrice(List<BundleComponent> components) {
        return components.stream().map(component -> {
            Money license = component.plan().license().rounded();
            Money discount = license.times(component.discountPercent()).dividedBy(HUNDRED).rounded();
            return license.minus(discount).amount();
        }).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static long periods(PlanPricing plan, int duration) {
        if (duration < plan.minimumDuration() || duration % plan.minimumDuration() != 0) {
            throw new InvalidInput("duration", "The duration must be a multiple of " + plan.minimumDuration() + " "
                    + plan.unit().name().toLowerCase());
        }
        return duration / plan.billingFrequency();
    }

    private static void requireUsable(Coupon coupon, QuoteRequest request) {
        if (!coupon.isValidAt(request.at())) {
            throw new InvalidInput("couponCode", request.at().isBefore(coupon.validFrom())
                    ? "Coupon " + coupon.code() + " is not valid yet" : "Coupon " + coupon.code() + " has expired");
        }
        Money money = coupon.effect() instanceof AmountOff off ? off.amount()
                : coupon.effect() instanceof PriceOverride override ? override.license()
                : null;
        if (money != null && !money.currency().equals(request.plan().license().currency())) {
            throw new InvalidInput("couponCode", "Coupon " + coupon.code() + " is in " + money.currency()
                    + ", the plan in " + request.plan().license().currency());
        }
    }

    /** A chosen quantity: prepaid, billed with the license; post-paid, the same price billed at each period's end. */
    private static QuoteLine extraResourceLine(PlanPricing plan, String code, long quantity, long periods) {
        ExtraResourcePricing resource = plan.chosenResource(code);
        Money perPeriod = resource.periodPrice(quantity, plan.license().currency());
        String description = resource.name() + ", " + quantity + " " + resource.unit() + " ("
                + resource.scheme().name().toLowerCase() + "), " + periods(periods) + (resource.prepaid() ? "" : ", billed at each period's end");
        return line(resource.prepaid() ? Type.EXTRA_RESOURCE : Type.POST_PAID_RESOURCE, PriceChain.extraResource(code), description,
                periods, perPeriod);
    }

    private static String periods(long periods) {
        return periods + " period" + (periods == 1 ? "" : "s");
    }

    /** Estimated pay-per-use: billed at each period's end, shown so the buyer sees the whole cost. */
    private static QuoteLine usageLine(PlanPricing plan, String code, UsageEstimate estimate, BillingPeriod period, long periods) {
        MetricPricing metric = plan.metric(code)
                .orElseThrow(() -> new InvalidInput("usage", plan.name() + " has no metric " + code));
        BigDecimal measured = estimate.measure(metric, period);
        String how = metric.kind() == MetricPricing.Kind.COUNTER ? "total"
                : metric.aggregation().name().toLowerCase();
        String estimated = ", estimated " + how + " " + measured.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()
                + " " + metric.unit() + ", " + periods(periods);
        Money perPeriod = plan.usageCost(code, measured);
        Optional<ExtraResourcePricing> payAsYouGo = plan.measuredBy(code);
        if (payAsYouGo.isPresent()) { // the metric's own price is zero: the resource's tiers price whole units of its measure
            ExtraResourcePricing resource = payAsYouGo.get();
            return line(Type.USAGE, PriceChain.extraResource(resource.code()), resource.name() + " (" + resource.scheme().name().toLowerCase()
                    + ")" + estimated, periods, perPeriod);
        }
        return line(Type.USAGE, PriceChain.metric(code), metric.name() + estimated, periods, perPeriod);
    }

    /** Discounts only; a price override changed the license line and an extended trial changes no price. */
    private static Optional<QuoteLine> discountLine(Coupon.Effect effect, List<QuoteLine> lines, long periods) {
        if (effect instanceof PercentOff off) {
            Money discount = base(lines, off.destination()).times(off.percent()).dividedBy(HUNDRED);
            return Optional.of(line(Type.DISCOUNT, QuoteLine.DISCOUNT, off.percent().stripTrailingZeros().toPlainString() + "% off "
                    + describe(off.destination()), 1, discount.times(-1)));
        }
        if (effect instanceof AmountOff off) {
            Money base = base(lines, off.destination());
            String description = off.amount().rounded() + " off " + describe(off.destination()) + " per period";
            // never below zero: a discount larger than its base takes the base, once
            return Optional.of(off.amount().times(periods).amount().compareTo(base.amount()) > 0
                    ? line(Type.DISCOUNT, QuoteLine.DISCOUNT, description + ", at most the amount it applies to", 1, base.times(-1))
                    : line(Type.DISCOUNT, QuoteLine.DISCOUNT, description, periods, off.amount().times(-1)));
        }
        return Optional.empty();
    }

    private static Money base(List<QuoteLine> lines, DiscountDestination destination) {
        Set<Type> types = switch (destination) {
            case LICENSE -> EnumSet.of(Type.LICENSE, Type.SETUP_FEE);
            case LICENSE_AND_EXTRA_RESOURCES -> EnumSet.of(Type.LICENSE, Type.SETUP_FEE, Type.EXTRA_RESOURCE);
            case TOTAL -> EnumSet.of(Type.LICENSE, Type.SETUP_FEE, Type.EXTRA_RESOURCE, Type.POST_PAID_RESOURCE, Type.USAGE);
        };
        return lines.stream().filter(line -> types.contains(line.type())).map(QuoteLine::amount)
                .reduce(Money.zero(lines.get(0).amount().currency()), Money::plus);
    }

    private static String describe(DiscountDestination destination) {
        return switch (destination) {
            case LICENSE -> "the license and setup fee";
            case LICENSE_AND_EXTRA_RESOURCES -> "the license and extra resources";
            case TOTAL -> "the total";
        };
    }

    /**
     * The one place a line is rounded: its amount, the unrounded unit price times the quantity, to
     * the currency's minor unit. The unit price stays unrounded (a channel's 8.316), so that unit
     * price times quantity is the amount a buyer reads; lines that repeat each period count periods.
     */
    private static QuoteLine line(Type type, String component, String description, long quantity, Money unitPrice) {
        return new QuoteLine(type, component, description, BigDecimal.valueOf(quantity), unrounded(unitPrice),
                unitPrice.times(quantity).rounded());
    }

    /** The exact amount, shown with at least the currency's decimals: 8.00 stays 8.00, 8.316000000 is 8.316. */
    private static Money unrounded(Money price) {
        BigDecimal significant = price.amount().stripTrailingZeros();
        int minor = Math.max(0, price.currency().getDefaultFractionDigits());
        return new Money(significant.scale() < minor ? significant.setScale(minor) : significant, price.currency());
    }
}
