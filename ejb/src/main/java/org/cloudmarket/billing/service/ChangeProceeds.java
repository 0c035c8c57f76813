package org.cloudmarket.billing.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.cloudmarket.billing.domain.Proceed;
import org.cloudmarket.billing.domain.ProceedKind;
import org.cloudmarket.billing.domain.ProrationItem;
import org.cloudmarket.shared.money.Money;
import org.cloudmarket.subscription.domain.PricedChange;
import org.cloudmarket.subscription.domain.ProrationLine;
import org.cloudmarket.subscription.domain.Subscription;

/**
 * Everything billed is a proceed first (DOMAIN.md, Decisions): a change invoiced now (an
 * extra-resource upgrade, a plan change to a dearer plan) writes its proration pair(s) as proceeds,
 * PRORATION_CREDIT and PRORATION_DEBIT, keyed by the change's order, so two upgrades in one period
 * are two pairs. Each proceed carries the whole chain: the sell-out line, and the same line priced
 * at the vendor, wholesale and sell-in levels of the window (one {@link PricedChange} per level,
 * whose lines match the sell-out's one to one), each billed as {@link ProrationItem} says.
 */
@Dependent
public class ChangeProceeds {

    @Inject
    private ProceedParties proceedParties;

    /** The change priced at each level of the chain, each in its own currency. */
    public record Levels(PricedChange vendor, PricedChange wholesale, PricedChange sellIn, PricedChange sellOut) {
    }

    @Inject
    private EntityManager entityManager;

    @Inject
    private Clock clock;

    public List<Proceed> write(Subscription subscription, long orderId, long planId, Levels levels, BigDecimal exchangeRate) {
        Proceed.Parties parties = proceedParties.of(subscription, orderId, planId);
        List<ProrationLine> sellOut = levels.sellOut().lines();
        List<Proceed> written = new ArrayList<>();
        for (int i = 0; i < sellOut.size(); i++) {
            ProrationLine line = sellOut.get(i);
            ProrationItem item = ProrationItem.of(line);
            Currency upstream = levels.vendor() != null ? levels.vendor().currency() : levels.sellOut().currency();
            Proceed.Chain chain = new Proceed.Chain(levels.sellOut().currency(), item.unitPrice(), item.amount(), upstream,
                    amount(levels.vendor(), i, sellOut.size()), amount(levels.wholesale(), i, sellOut.size()), amount(levels.sellIn(), i, sellOut.size()),
                    Money.zero(upstream).rounded().amount(), exchangeRate);
            Proceed proceed = new Proceed(parties, line.component(),
                    line.side() == ProrationLine.Side.CREDIT ? ProceedKind.PRORATION_CREDIT : ProceedKind.PRORATION_DEBIT,
                    subscription.getPeriodStart(), subscription.getPeriodEnd(), item.description(), item.quantity(), chain, clock.instant());
            entityManager.persist(proceed);
            written.add(proceed);
        }
        entityManager.flush();
        return written;
    }

    /** The level's amount of line i; none when the level does not price the line alike (a seller's own service). */
    private static BigDecimal amount(PricedChange level, int i, int lines) {
        return level == null || level.lines().size() != lines ? null : level.lines().get(i).amount().amount();
    }

}
