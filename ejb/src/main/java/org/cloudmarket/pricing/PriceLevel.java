package org.cloudmarket.pricing;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One level of the channel for one plan (wholesale, sell-in or sell-out): a rule per component
 * (see {@link PriceChain} for their names) and a markup for the components it does not name. A
 * level without rules or a markup does not sell the plan.
 */
public record PriceLevel(String name, Map<String, PriceRule> rules, BigDecimal defaultMarkup) {

    public PriceLevel {
        rules = Map.copyOf(rules);
    }

    boolean sells() {
        return !rules.isEmpty() || defaultMarkup != null;
    }

    PriceRule ruleFor(String component) {
        PriceRule rule = rules.get(component);
        if (rule != null) {
            return rule;
        }
        return PriceRule.markup(defaultMarkup == null ? BigDecimal.ZERO : defaultMarkup);
    }
}
