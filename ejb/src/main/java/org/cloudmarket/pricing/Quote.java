package org.cloudmarket.pricing;

import java.util.List;
import org.cloudmarket.shared.money.Money;

/** Priced lines and their total, the sum of the rounded lines; plus the trial the order would get. */
public record Quote(List<QuoteLine> lines, Money total, int trialDays) {

    public Quote {
        lines = List.copyOf(lines);
    }

    static Quote of(List<QuoteLine> lines, Money zero, int trialDays) {
        Money total = lines.stream().map(QuoteLine::amount).reduce(zero, Money::plus);
        return new Quote(lines, total, trialDays);
    }
}
