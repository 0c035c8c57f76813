package org.cloudmarket.web.api;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.cloudmarket.catalog.service.BundleComponentRef;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.money.Decimals;

/** Turns request text into values, naming the field when it cannot: a 422, never a 404 or a 500. */
final class Inputs {

    private Inputs() {
    }

    static <E extends Enum<E>> E enumValue(String field, Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(field, field + " is one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    static <E extends Enum<E>> E requiredEnum(String field, Class<E> type, String value) {
        E parsed = enumValue(field, type, value);
        if (parsed == null) {
            throw new InvalidInput(field, field + " is required: one of " + Arrays.toString(type.getEnumConstants()));
        }
        return parsed;
    }

    /** A decimal query parameter, within the one bound of client decimals; null when blank. */
    static BigDecimal decimal(String field, String value) {
        return Decimals.parse(field, value);
    }

    /** A decimal of a JSON body, within the one bound of client decimals (null stays null). */
    static BigDecimal bounded(String field, BigDecimal value) {
        return Decimals.bounded(field, value);
    }

    /** The parts of a bundle with their discounts bounded; an empty part stays for the service to name. */
    static List<BundleComponentRef> components(List<BundleComponentRef> components) {
        return components == null ? null : components.stream()
                .map(ref -> ref == null ? null : new BundleComponentRef(ref.planId(), bounded("discountPercent", ref.discountPercent())))
                .toList();
    }

    static int integer(String field, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput(field, field + " is a whole number");
        }
    }

    static <T> T required(String field, T value) {
        if (value == null) {
            throw new InvalidInput(field, field + " is required");
        }
        return value;
    }

    static <T> T body(T value) {
        if (value == null) {
            throw new InvalidInput("body", "Send a JSON body");
        }
        return value;
    }
}
