package org.cloudmarket.identity.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.cloudmarket.identity.domain.AuditEntry;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.tenancy.domain.Tenant;

/** Reads the current tenant's audit log, newest first; the platform operator reads the platform tenant's. */
@Stateless
@RolesAllowed({Role.Names.ADMIN, Role.Names.SUPERVISOR, Role.Names.SUPER_ADMIN})
public class AuditLog {

    @Inject
    private EntityManager entityManager;

    public List<AuditView> latest(int limit) {
        return entityManager.createNamedQuery(AuditEntry.LATEST, AuditEntry.class)
                .setMaxResults(Math.max(1, Math.min(limit, 500)))
                .getResultStream()
                .map(this::view)
                .toList();
    }

    private AuditView view(AuditEntry entry) {
        return new AuditView(entry.getOccurredAt(), entry.getAction(), email(entry.getActorId()), subject(entry),
                entry.getRemoteAddress(), entry.getChannel().name());
    }

    /** The user acted upon, or the marketplace (by slug) of a platform operator's action. */
    private String subject(AuditEntry entry) {
        if (entry.getSubjectTenantId() != null) {
            Tenant tenant = entityManager.find(Tenant.class, entry.getSubjectTenantId());
            return tenant == null ? "tenant #" + entry.getSubjectTenantId() : tenant.getSlug();
        }
        return entry.getSubjectId() == null ? null : email(entry.getSubjectId());
    }

    private String email(long userId) {
        User user = entityManager.find(User.class, userId);
        return user == null ? "#" + userId : user.getEmail();
    }
}
