package org.cloudmarket.subscription.domain;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.cloudmarket.shared.error.InvalidInput;

/**
 * Quantities of a plan's extra resources by code, as an order buys them and a subscription holds
 * them: a value read and written whole, one column {@code "storage=5;users=10"}. Zero quantities
 * are left out, so an empty map and "nothing bought" are the same value.
 */
public record Quantities(Map<String, Long> byCode) {

    public static final Quantities NONE = new Quantities(Map.of());

    public Quantities {
        TreeMap<String, Long> sorted = new TreeMap<>();
        byCode.forEach((code, quantity) -> {
            if (quantity == null || quantity < 0) {
                throw new InvalidInput("extraResources", "A quantity of " + code + " cannot be negative");
            }
            if (quantity > 0) {
                sorted.put(code, quantity);
            }
        });
        byCode = java.util.Collections.unmodifiableMap(sorted);
    }

    public long of(String code) {
        return byCode.getOrDefault(code, 0L);
    }

    public String toColumn() {
        return byCode.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining(";"));
    }

    public static Quantities fromColumn(String column) {
        if (column == null || column.isBlank()) {
            return NONE;
        }
        Map<String, Long> parsed = new TreeMap<>();
        for (String pair : column.split(";")) {
            int equals = pair.indexOf('=');
            parsed.put(pair.substring(0, equals), Long.valueOf(pair.substring(equals + 1)));
        }
        return new Quantities(parsed);
    }
}
