package org.cloudmarket.customer.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import org.cloudmarket.identity.domain.AuditEntry;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.messaging.domain.Message;
import org.cloudmarket.tenancy.domain.Organization;
import org.cloudmarket.tenancy.service.BillingDetailsView;

/** The export's sections for what the accounts work keeps: the organization, its users, messages and audit trail. */
public final class CoreCustomerSections {

    private CoreCustomerSections() {
    }

    public record OrganizationData(long id, String name, String seller, Instant createdAt, Instant closedAt,
                            BillingDetailsView billingDetails) {
    }

    public record UserData(long id, String email, String displayName, Role role, boolean enabled, boolean emailVerified,
                    Instant createdAt) {
    }

    public record MessageData(Instant createdAt, String subject, String body, Instant readAt) {
    }

    public record AuditData(Instant occurredAt, String action, long actorId, Long subjectId, String remoteAddress, String channel) {
    }

    @Dependent
    static class OrganizationSection implements CustomerDataSection {

        @Override
        public String key() {
            return "organization";
        }

        @Override
        public Object export(Organization customer, List<User> users) {
            return new OrganizationData(customer.getId(), customer.getName(),
                    customer.getParent().map(Organization::getName).orElse(null), customer.getCreatedAt(),
                    customer.getClosedAt().orElse(null), customer.getBillingDetails().map(BillingDetailsView::of).orElse(null));
        }
    }

    /** The users without their password hashes. */
    @Dependent
    static class UsersSection implements CustomerDataSection {

        @Override
        public String key() {
            return "users";
        }

        @Override
        public Object export(Organization customer, List<User> users) {
            return users.stream().map(user -> new UserData(user.getId(), user.getEmail(), user.getDisplayName(),
                    user.getRole(), user.isEnabled(), user.isEmailVerified(), user.getCreatedAt())).toList();
        }
    }

    /** Messages to the organization or to one of its users. */
    @Dependent
    static class MessagesSection implements CustomerDataSection {

        @Inject
        private EntityManager entityManager;

        @Override
        public String key() {
            return "messages";
        }

        @Override
        public Object export(Organization customer, List<User> users) {
            return CoreCustomerSections.messages(entityManager, customer, users).stream()
                    .map(m -> new MessageData(m.getCreatedAt(), m.getSubject(), m.getBody(), m.getReadAt().orElse(null)))
                    .toList();
        }
    }

    /** What the audit log says its users did or had done to them (an impersonation, the closing). */
    @Dependent
    static class AuditSection implements CustomerDataSection {

        @Inject
        private EntityManager entityManager;

        @Override
        public String key() {
            return "auditEntries";
        }

        @Override
        public Object export(Organization customer, List<User> users) {
            if (users.isEmpty()) {
                return List.of();
            }
            List<Long> ids = users.stream().map(User::getId).toList();
            return entityManager.createQuery("""
                            SELECT a FROM AuditEntry a WHERE a.actorId IN :users OR a.subjectId IN :users
                            ORDER BY a.occurredAt, a.id""", AuditEntry.class)
                    .setParameter("users", ids).getResultStream()
                    // an address is shown only where one of its own users acted: staff's and sellers' are theirs
                    .map(a -> new AuditData(a.getOccurredAt(), a.getAction().name(), a.getActorId(), a.getSubjectId(),
                            ids.contains(a.getActorId()) ? a.getRemoteAddress() : null, a.getChannel().name()))
                    .toList();
        }
    }

    /** The messages of a customer: to it, or to one of its users. Also what closing erases. */
    static List<Message> messages(EntityManager entityManager, Organization customer, List<User> users) {
        List<Long> ids = users.isEmpty() ? List.of(-1L) : users.stream().map(User::getId).toList();
        return entityManager.createQuery("""
                        SELECT m FROM Message m WHERE m.organizationId = :organization OR m.userId IN :users
                        ORDER BY m.createdAt, m.id""", Message.class)
                .setParameter("organization", customer.getId()).setParameter("users", ids).getResultList();
    }
}
