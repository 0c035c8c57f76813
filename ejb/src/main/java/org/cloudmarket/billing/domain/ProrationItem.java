package org.cloudmarket.billing.domain;

import java.math.BigDecimal;
import org.cloudmarket.subscription.domain.ProrationLine;

/**
 * How one half of a proration pair is billed (DOMAIN.md, the upgrade formula and Decisions: Tax):
 * one unit at the scaled price (price x remaining hours / hours in the period, kept exact, negative for a
 * credit) for the proceed's amount, the scaled price rounded once. The invoice line's net is that amount;
 * InvoiceGenerator shows the unit price at 4 decimals, or the amount itself where the 4-decimal price would
 * round to another cent (1.234951 -> 1.2350 -> 1.24, while the amount is 1.23). The hours left are named in the
 * description.
 */
public record ProrationItem(BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount, String description) {

    public static ProrationItem of(ProrationLine line) {
        boolean credit = line.side() == ProrationLine.Side.CREDIT;
        BigDecimal scaled = line.scaledPrice().amount().setScale(org.cloudmarket.shared.money.Money.SCALE, java.math.RoundingMode.HALF_UP);
        String side = credit ? "Credit" : "Charge";
        return new ProrationItem(BigDecimal.ONE, credit ? scaled.negate() : scaled, line.amount().amount(),
                side + ": " + line.component() + " x " + line.quantity() + ", " + line.remainingHours() + " of " + line.periodHours()
                        + " hours left");
    }
}
