package org.cloudmarket.batch.billing;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.cloudmarket.billing.service.BillingRunWork;

/**
 * Hands a run's slot to the next queued run (BillingJobStarter.next) from a timer, not from the ended job's thread: a job
 * runs as whoever started it, so a run started from another tenant's job thread would run as that tenant's ADMIN, whom
 * its own tenant does not know (the invoices step's changelog asks for the caller). A timer has no caller, as the
 * hourly schedule's runs.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BillingRunQueue {

    @Resource
    private TimerService timers;

    @EJB
    private BillingRunWork work;

    /** A run ended: its slot goes on at once, on the timer's thread. */
    public void slotFreed() {
        timers.createSingleActionTimer(1, new TimerConfig(null, false));
    }

    @Timeout
    void next() {
        BillingJobStarter.next(work);
    }
}
