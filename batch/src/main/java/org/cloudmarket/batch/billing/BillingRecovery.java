package org.cloudmarket.batch.billing;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;
import org.cloudmarket.billing.service.BillingRuns;

/**
 * Once after each server start: the billing runs the stopped server left STARTING/STARTED (and their JBeret executions)
 * marked FAILED (BillingRuns.recoverAll), so no tenant's billing stays blocked by its unfinished-run key and each can be
 * restarted. A timer a second after deployment rather than the start itself: by then the job operator and this module's
 * BillingJobStarter are bound.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BillingRecovery {

    private static final Logger LOG = Logger.getLogger(BillingRecovery.class.getName());

    @Resource
    private TimerService timerService;

    @EJB
    private BillingRuns billingRuns;

    @PostConstruct
    void afterStart() {
        timerService.createSingleActionTimer(1_000, new TimerConfig(null, false));
    }

    @Timeout
    void recover() {
        int recovered = billingRuns.recoverAll();
        if (recovered > 0) {
            LOG.warning(recovered + " billing run(s) left unfinished by the last server stop marked FAILED");
        }
    }
}
