package org.cloudmarket.subscription.domain;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a BILLING_ITEM_UPGRADE asks of a subscription's prepaid quantities (DOMAIN.md, Changes):
 * the codes it names get their new quantity (0 gives one up), the others keep theirs. Each increase
 * applies at once ({@code now}, each with its own proration, {@code increases}); any decrease makes
 * the whole target wait for the next period start ({@code next}, null when none decreases).
 */
public record QuantityTargets(Quantities now, Quantities next, List<Increase> increases) {

    /** One code going up at once, from and to. */
    public record Increase(String code, long from, long to) {
    }

    public QuantityTargets {
        increases = List.copyOf(increases);
    }

    /** A negative quantity is a 422 on {@code extraResources} before anything is decided. */
    public static QuantityTargets of(Quantities current, Map<String, Long> wanted) {
        new Quantities(wanted);
        Map<String, Long> target = new TreeMap<>(current.byCode());
        target.putAll(wanted);
        Map<String, Long> now = new TreeMap<>(current.byCode());
        List<Increase> increases = new java.util.ArrayList<>();
        boolean decreases = false;
        for (Map.Entry<String, Long> entry : target.entrySet()) {
            long from = current.of(entry.getKey());
            long to = entry.getValue();
            if (to > from) {
                now.put(entry.getKey(), to);
                increases.add(new Increase(entry.getKey(), from, to));
            } else if (to < from) {
                decreases = true;
            }
        }
        return new QuantityTargets(new Quantities(now), decreases ? new Quantities(target) : null, increases);
    }

    public boolean changesNow(Quantities current) {
        return !now.equals(current);
    }
}
