package org.cloudmarket.subscription.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.identity.service.Caller;
import org.cloudmarket.subscription.domain.Change;
import org.cloudmarket.subscription.domain.Subscription;
import org.cloudmarket.subscription.domain.SubscriptionChange;

/**
 * The one way a subscription changes (issue 11): each {@link Change} is applied and written to the
 * changelog (who: the caller, or nobody for the platform's own timers; when: the clock; what,
 * from, to; why; the order that caused it) in the caller's transaction. The provisioning issue
 * hangs its outbox here, so no change can escape the vendor's notice.
 */
@Dependent
public class Lifecycle {

    @Inject
    private EntityManager entityManager;

    @Inject
    private Caller caller;

    @Inject
    private Clock clock;

    /** Applies the changes in order, one changelog row each. */
    public void record(Subscription subscription, String reason, Long orderId, Change... changes) {
        Long by = caller.current().map(User::getId).orElse(null);
        for (Change change : changes) {
            Instant now = clock.instant();
            Change.Applied applied = change.applyAt(subscription, now);
            entityManager.persist(new SubscriptionChange(subscription.getId(), now, by, applied, reason, orderId));
            // EclipseLink inserts the new objects of a commit in no set order: flushed one by one, the ids keep the changes' order
            entityManager.flush();
        }
    }

    /** A new subscription: persisted, and its first changelog line says what it started as and why. */
    public Subscription start(Subscription subscription, String reason, Long orderId) {
        entityManager.persist(subscription);
        entityManager.flush(); // its id, for the changelog
        Long by = caller.current().map(User::getId).orElse(null);
        entityManager.persist(new SubscriptionChange(subscription.getId(), clock.instant(), by,
                new Change.Applied(Change.What.STATUS, null, subscription.getDeploymentStatus().name()), reason, orderId));
        // flushed alone, as record does: else a change recorded next in the transaction (a trial's or sandbox's
        // DEPLOYED) may be inserted first, take the lower id, and the changelog read in id order starts with it
        entityManager.flush();
        return subscription;
    }

    public List<SubscriptionChange> changelog(Subscription subscription) {
        return entityManager.createNamedQuery(SubscriptionChange.OF_SUBSCRIPTION, SubscriptionChange.class)
                .setParameter("subscription", subscription.getId()).getResultList();
    }
}
