package org.cloudmarket.billing.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The pure recurring generator (issue 13; Kill Bill's DefaultInvoiceGenerator as the model): from a subscription's
 * terms, what was already billed, the usage of closed periods and a target instant, the proceeds a run must write.
 * Prepaid proceeds of every period that started by the instant, postpaid ones of every period that ended (plus the
 * grace) by it; what {@code billed} holds is never produced again. No clock, no database.
 */
public final class RecurringGenerator {

    private RecurringGenerator() {
    }

    /**
     * @param terms what the subscription is billed on
     * @param billed the keys its proceed rows already hold
     * @param usage the measured usage of a closed period
     * @param at the run's instant
     * @param grace how long after a period's end its usage is final (metering.graceHours)
     */
    public static BillingPlan plan(BillingTerms terms, Set<BilledKey> billed, PeriodUsage usage, Instant at, Duration grace) {
        return new BillingPlan(List.of(), false);
    }
}
