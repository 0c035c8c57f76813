package org.cloudmarket.messaging.service;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.identity.service.Caller;
import org.cloudmarket.messaging.domain.Message;
import org.cloudmarket.tenancy.domain.Organization;

/** In-app messages: its users read what other contexts sent an organization (see {@link Notifications}). */
@Stateless
@PermitAll
public class Messages {

    @Inject
    private EntityManager entityManager;

    @Inject
    private Caller caller;

    /** The caller's messages, newest first: those to the caller's organization and to the caller. */
    public List<MessageView> mine(int limit) {
        User user = caller.user();
        return entityManager.createNamedQuery(Message.FOR_READER, Message.class)
                .setParameter("organization", user.getOrganization().map(Organization::getId).orElse(-1L))
                .setParameter("user", user.getId())
                .setMaxResults(Math.max(1, Math.min(limit, 200)))
                .getResultStream().map(MessageView::of).toList();
    }
}
