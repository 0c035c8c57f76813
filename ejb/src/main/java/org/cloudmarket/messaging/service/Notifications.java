package org.cloudmarket.messaging.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import org.cloudmarket.messaging.domain.Message;
import org.cloudmarket.tenancy.domain.Organization;

/**
 * How other contexts tell an organization something, inside their own transaction: the message
 * exists exactly when the decision it reports does. A plain CDI bean, not an EJB: it has no
 * business method anyone could call, only the services that inject it send messages, and they
 * check who their caller is first.
 */
@Dependent
public class Notifications {

    @Inject
    private EntityManager entityManager;

    @Inject
    private Clock clock;

    public void send(Organization organization, String subject, String body) {
        entityManager.persist(Message.toOrganization(organization, subject, body, clock.instant()));
    }
}
