package org.cloudmarket.billing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.cloudmarket.subscription.domain.ProrationLine;

/**
 * How one half of a proration pair is billed (DOMAIN.md, the upgrade formula and Decisions: Tax):
 * one unit at the scaled price (price x remaining hours / hours in the period, kept to the invoice's
 * 4 decimals, negative for a credit), so that the invoice line, which recomputes its amount from the
 * printed unit price, gives the proceed's amount: the scaled price rounded once. The hours left are
 * named in the description.
 */
public record ProrationItem(BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount, String description) {

    public static ProrationItem of(ProrationLine line) {
        boolean credit = line.side() == ProrationLine.Side.CREDIT;
        BigDecimal scaled = line.scaledPrice().amount().setScale(InvoiceGenerator.UNIT_PRICE_SCALE, RoundingMode.HALF_UP);
        String side = credit ? "Credit" : "Charge";
        return new ProrationItem(BigDecimal.ONE, credit ? scaled.negate() : scaled, line.amount().amount(),
                side + ": " + line.component() + " x " + line.quantity() + ", " + line.remainingHours() + " of " + line.periodHours()
                        + " hours left");
    }
}
