package org.cloudmarket.web.catalog;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * What the checkout offers a buyer, as pure rules the page asks: the durations (multiples of the
 * plan's minimum term) and the payment methods the plan and the marketplace both allow.
 */
public final class CheckoutChoices {

    /** The multiples of the minimum term offered: a year of monthly plans, twelve blocks of an hourly one. */
    public static final int MULTIPLES = 12;

    /** The marketplace's methods when {@code payments.methods} is not set (BUYING-CONTRACT). */
    public static final List<String> DEFAULT_METHODS = List.of("CARD", "PAYPAL", "BANK_TRANSFER");

    /** The one method this issue collects; card and PayPal come with the payments issue. */
    public static final String WORKING_METHOD = "BANK_TRANSFER";

    /** A payment method as the select shows it: disabled where it cannot be used yet. */
    public record Method(String code, boolean usable) {
    }

    private CheckoutChoices() {
    }

    /** {@code minimum, 2 x minimum, ... 12 x minimum}; a minimum below one counts as one. */
    public static List<Integer> durations(int minimum) {
        int step = Math.max(1, minimum);
        return IntStream.rangeClosed(1, MULTIPLES).map(k -> k * step).boxed().toList();
    }

    /**
     * The plan's methods the marketplace allows, in the plan's order; only bank transfer is usable.
     * {@code marketplaceSetting} is the tenant's comma-separated {@code payments.methods}, null: the default.
     */
    public static List<Method> methods(List<String> planMethods, String marketplaceSetting) {
        Set<String> allowed = marketplaceSetting == null || marketplaceSetting.isBlank() ? new LinkedHashSet<>(DEFAULT_METHODS)
                : new LinkedHashSet<>(Arrays.stream(marketplaceSetting.split(",")).map(code -> code.strip().toUpperCase(Locale.ROOT))
                        .filter(code -> !code.isEmpty()).toList());
        return planMethods.stream().filter(allowed::contains).distinct().map(code -> new Method(code, WORKING_METHOD.equals(code)))
                .toList();
    }

    /** The method chosen when the page opens: the first usable one, or none. */
    public static String preselected(List<Method> methods) {
        return methods.stream().filter(Method::usable).map(Method::code).findFirst().orElse(null);
    }
}
