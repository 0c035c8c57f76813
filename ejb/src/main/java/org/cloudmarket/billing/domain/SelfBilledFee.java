package org.cloudmarket.billing.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The fee a self-billing party owes the owner for a pro-forma's proceeds (DOMAIN, Decisions: Who collects): a vendor
 * that bills its own plan owes the platform fee of each line; a reseller that bills its own sell-out owes what it
 * buys at, the sell-in amount of each line. Lines a level has no amount for (a discount, a reseller's own service) owe nothing.
 */
public final class SelfBilledFee {

    /** Who collected the sale. */
    public enum Debtor { VENDOR, RESELLER }

    private SelfBilledFee() {
    }

    public static BigDecimal owed(Debtor debtor, List<Proceed.Chain> chains) {
        return chains.stream().map(chain -> debtor == Debtor.VENDOR ? chain.platformFee() : chain.sellInAmount())
                .filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
