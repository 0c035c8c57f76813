package org.cloudmarket.ordering.service;

import java.math.BigDecimal;
import java.util.List;
import org.cloudmarket.pricing.Quote;
import org.cloudmarket.pricing.QuoteLine;

/** A priced purchase: every line rounded once, the total their sum, all in {@code currency}. */
public record QuoteView(long planId, String currency, List<Line> lines, BigDecimal total, int trialDays) {

    public record Line(String type, String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount) {

        static Line of(QuoteLine line) {
            return new Line(line.type().name(), line.description(), line.quantity(), line.unitPrice().amount(), line.amount().amount());
        }
    }

    static QuoteView of(long planId, Quote quote) {
        return new QuoteView(planId, quote.total().currency().getCurrencyCode(), quote.lines().stream().map(Line::of).toList(),
                quote.total().amount(), quote.trialDays());
    }
}
