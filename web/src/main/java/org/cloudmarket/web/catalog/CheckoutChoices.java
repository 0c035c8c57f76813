package org.cloudmarket.web.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.cloudmarket.catalog.domain.PaymentMethod;
import org.cloudmarket.shared.error.InvalidInput;

/**
 * What the checkout offers a buyer, as pure rules the page asks: the durations (multiples of the
 * plan's minimum term) and the payment methods the plan and the marketplace both allow.
 */
public final class CheckoutChoices {

    /** The multiples of the minimum term offered: a year of monthly plans, twelve blocks of an hourly one. */
    public static final int MULTIPLES = 12;

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
     * The plan's methods the marketplace allows ({@code OrderingSettings.paymentMethods}, the rule
     * Orders.place applies), in the plan's order; only bank transfer is usable in this issue.
     */
    public static List<Method> methods(List<String> planMethods, Set<PaymentMethod> marketplace) {
        return planMethods.stream().filter(code -> marketplace.stream().anyMatch(method -> method.name().equals(code))).distinct()
                .map(code -> new Method(code, WORKING_METHOD.equals(code))).toList();
    }

    /** The select's value as the service's method; a value the select never offered is the field's refusal. */
    public static PaymentMethod method(String code) {
        try {
            return PaymentMethod.valueOf(code);
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInput("paymentMethod", "paymentMethod is one of " + Arrays.toString(PaymentMethod.values()));
        }
    }

    /** The method chosen when the page opens: the first usable one, or none. */
    public static String preselected(List<Method> methods) {
        return methods.stream().filter(Method::usable).map(Method::code).findFirst().orElse(null);
    }
}
