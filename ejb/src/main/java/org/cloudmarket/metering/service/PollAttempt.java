package org.cloudmarket.metering.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cloudmarket.metering.domain.PollAnswer;
import org.cloudmarket.shared.tenant.TenantContext;

/**
 * One poll, on the poller's executor: the vendor is asked outside any transaction, then the answer is kept in one
 * (MetricPolls). The executor's thread belongs to no request: this binds the row's tenant in a request context of its
 * own. Only {@link MetricPoller} runs it.
 */
@ApplicationScoped
class PollAttempt {

    private static final Logger LOG = Logger.getLogger(PollAttempt.class.getName());

    @Inject
    private PollClient client;

    @Inject
    private MetricPolls polls;

    @Inject
    private TenantContext tenantContext;

    @Inject
    private Clock clock;

    @ActivateRequestContext
    void run(long tenantId, DuePoll poll) {
        PollAnswer answer = client.poll(poll.endpoint(), poll.subscriptionId());
        try {
            if (answer.succeeded()) {
                tenantContext.callAs(tenantId, () -> {
                    polls.succeeded(poll, answer.value().orElseThrow(), clock.instant());
                    return null;
                });
                return;
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The reading of " + poll.readingId() + " (tenant " + tenantId + ") could not be kept; the slot is retried", e);
            failed(tenantId, poll, "the reading could not be kept: " + e.getClass().getSimpleName());
            return;
        }
        LOG.fine(() -> "Poll " + poll.readingId() + " (tenant " + tenantId + ") failed: " + answer.failure().orElseThrow());
        failed(tenantId, poll, answer.failure().orElseThrow());
    }

    private void failed(long tenantId, DuePoll poll, String reason) {
        tenantContext.callAs(tenantId, () -> {
            polls.failed(poll, reason, clock.instant());
            return null;
        });
    }
}
