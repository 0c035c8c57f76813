package org.cloudmarket.identity.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import org.cloudmarket.identity.domain.AuditAction;
import org.cloudmarket.identity.domain.AuditEntry;
import org.cloudmarket.identity.domain.AuditEntry.Channel;

/** Writes one audit line inside the calling service's transaction, so it exists exactly when the change does. */
@Dependent
public class AuditTrail {

    @Inject
    private EntityManager entityManager;

    @Inject
    private Clock clock;

    public void record(AuditAction action, long actorId, Long subjectId, String remoteAddress, Channel channel) {
        entityManager.persist(new AuditEntry(clock.instant(), action, actorId, subjectId, remoteAddress, channel));
    }
}
