package org.cloudmarket.billing.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cloudmarket.pricing.BillingPeriod;

/**
 * The billing runs of one subscription, as the batch makes them: each run's proceeds are written (fed back as billed), so a
 * later run sees what the earlier ones wrote. Records every period it was asked to measure.
 */
final class GeneratorRuns {

    private final Set<BilledKey> billed = new HashSet<>();
    private final List<DueProceed> written = new ArrayList<>();
    final List<BillingPeriod> measured = new ArrayList<>();
    private Map<String, BigDecimal> usagePerPeriod = Map.of();
    BillingTerms terms;

    GeneratorRuns(BillingTerms terms, Set<BilledKey> alreadyBilled) {
        this.terms = terms;
        billed.addAll(alreadyBilled);
    }

    GeneratorRuns usage(Map<String, BigDecimal> perPeriod) {
        usagePerPeriod = perPeriod;
        return this;
    }

    /** A run at {@code at}: what it bills, then written. */
    BillingPlan runAt(Instant at) {
        BillingPlan plan = RecurringGenerator.plan(terms, Set.copyOf(billed), period -> {
            measured.add(period);
            return usagePerPeriod;
        }, at, GeneratorTerms.GRACE);
        plan.proceeds().forEach(proceed -> {
            if (!billed.add(proceed.key())) {
                throw new AssertionError("billed twice: " + proceed.key());
            }
            written.add(proceed);
        });
        return plan;
    }

    void billed(BilledKey key) {
        billed.add(key);
    }

    List<DueProceed> written() {
        return written;
    }

    static BigDecimal total(List<DueProceed> proceeds) {
        return proceeds.stream().map(proceed -> proceed.item().chain().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
