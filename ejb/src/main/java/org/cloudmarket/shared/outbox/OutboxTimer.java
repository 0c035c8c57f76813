package org.cloudmarket.shared.outbox;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every five seconds, the outbox rows that are due: those whose first attempt failed or never ran
 * (the node stopped between commit and attempt). Non-persistent: every node has its own timer,
 * and the claim keeps them apart. Created once the schema is migrated (an automatic @Schedule
 * timer would fire before the first deployment's migration has made the table). No business
 * method: nothing but the timer starts it.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxTimer {

    private static final Logger LOG = Logger.getLogger(OutboxTimer.class.getName());

    /** A round that outlasts the period (a slow SMTP server) is not overtaken by the next one. */
    private final AtomicBoolean running = new AtomicBoolean();

    @Resource
    private TimerService timers;

    @Inject
    private OutboxWorker worker;

    @PostConstruct
    void schedule() {
        timers.createCalendarTimer(new ScheduleExpression().second("*/5").minute("*").hour("*"), new TimerConfig(null, false));
    }

    @Timeout
    void deliverDue() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            worker.attemptDue();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The outbox could not be read; the next round tries again", e);
        } finally {
            running.set(false);
        }
    }
}
