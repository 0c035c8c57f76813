package org.cloudmarket.channel.service;

import java.math.BigDecimal;
import java.util.List;
import org.cloudmarket.channel.domain.PriceList;
import org.cloudmarket.channel.domain.PriceListEntry;

/** A price list as its owner (or the tenant's staff) sees it: its rules and who buys at it. */
public record PriceListView(long id, String name, String level, String ownerName, BigDecimal defaultMarkup,
                            boolean storefrontDefault, boolean selfBilled, List<Entry> entries, List<String> assignees) {

    /** One rule: a markup or a price for a component of a plan. */
    public record Entry(long planId, String productName, String planName, String component, BigDecimal markupPercent,
                        BigDecimal price) {

        static Entry of(PriceListEntry entry) {
            return new Entry(entry.getPlan().getId(), entry.getPlan().getProduct().getName(), entry.getPlan().getName(),
                    entry.getComponent(), entry.rule().markupPercent(), entry.rule().price());
        }
    }

    static PriceListView of(PriceList list, List<String> assignees) {
        return new PriceListView(list.getId(), list.getName(), list.getLevel().name(),
                list.getOwner().map(owner -> owner.getName()).orElse(null), list.getDefaultMarkup(), list.isStorefrontDefault(),
                list.isSelfBilled(),
                list.getEntries().stream().map(Entry::of).toList(), assignees);
    }
}
