package org.cloudmarket.platform.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Clock;
import java.time.Instant;
import org.cloudmarket.accounts.service.Invitations;
import org.cloudmarket.accounts.service.Invitations.Inviter;
import org.cloudmarket.identity.domain.AuditAction;
import org.cloudmarket.identity.domain.AuditEntry;
import org.cloudmarket.identity.domain.AuditEntry.Channel;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.identity.service.Caller;
import org.cloudmarket.platform.domain.NewTenant;
import org.cloudmarket.shared.error.Conflict;
import org.cloudmarket.shared.error.Forbidden;
import org.cloudmarket.shared.tenant.TenantContext;
import org.cloudmarket.tenancy.domain.Branding;
import org.cloudmarket.tenancy.domain.PlatformDomain;
import org.cloudmarket.tenancy.domain.Storefront;
import org.cloudmarket.tenancy.domain.StorefrontHost;
import org.cloudmarket.tenancy.domain.Tenant;

/**
 * The transactions of opening a marketplace, each its own, called by {@link Marketplaces} only:
 * not a session bean and not visible outside the package, so no request starts one by itself.
 */
@Dependent
@Transactional
class MarketplaceSteps {

    /** The tenant row as registered, and who registered it (for the invitation's "invited by"). */
    record Registered(Tenant tenant, String operatorName) {
    }

    @Inject
    private EntityManager entityManager;

    @Inject
    private TenantContext tenantContext;

    @Inject
    private Caller caller;

    @Inject
    private Invitations invitations;

    @Inject
    private Clock clock;

    /** Platform work, on the platform's host: the tenant row and the audit line. A taken slug is a 409 on {@code slug}. */
    public Registered register(NewTenant request, String remoteAddress, Channel channel) {
        Tenant platform = entityManager.find(Tenant.class, tenantContext.requireTenantId());
        if (!Tenant.PLATFORM.equals(platform.getSlug())) {
            throw new Forbidden("Marketplaces are opened on the platform's own host");
        }
        User operator = caller.person();
        if (!entityManager.createNamedQuery(Tenant.BY_SLUG, Tenant.class).setParameter("slug", request.slug()).getResultList().isEmpty()) {
            throw taken(request.slug());
        }
        Instant now = clock.instant();
        Tenant tenant = new Tenant(request.slug(), request.name(), request.currency(), request.timeZone(), request.locale(), now);
        try {
            entityManager.persist(tenant);
            entityManager.flush();
        } catch (PersistenceException e) {
            // a parallel request took the slug between the check and the insert: its unique key says so
            if (violatesConstraint(e)) {
                throw taken(request.slug());
            }
            throw e;
        }
        entityManager.persist(AuditEntry.onTenant(now, AuditAction.TENANT_CREATED, operator.getId(), tenant.getId(), remoteAddress,
                channel));
        return new Registered(tenant, operator.getDisplayName());
    }

    /**
     * Runs as the new tenant: its storefront in the default look, its host name, its first admin
     * and the invitation, branded with and linking to the new storefront. The mail leaves only
     * once this commits.
     */
    public void fill(long tenantId, NewTenant request, String storefrontUrl, String operatorName) {
        Instant now = clock.instant();
        Storefront storefront = new Storefront(null, request.name(), Branding.standard(), null, request.locale(), request.currency(), now);
        entityManager.persist(storefront);
        entityManager.flush();
        String host = PlatformDomain.ofTenant(request.slug());
        if (entityManager.find(StorefrontHost.class, host) != null) {
            throw new Conflict("slug", host + " already reaches another storefront");
        }
        entityManager.persist(new StorefrontHost(host, tenantId, storefront.getId()));
        tenantContext.bindStorefront(storefront.getId(), false);
        tenantContext.bindOrigin(storefrontUrl);

        // the platform's one invitation path; no user of this tenant invited it (the platform's
        // TENANT_CREATED line names the operator), so no USER_CREATED line here
        invitations.invite(request.adminEmail(), request.adminDisplayName(), Role.ADMIN, null, Inviter.platform(operatorName),
                null, Channel.API);
    }

    /** Platform work, undoing {@link #register} after the new tenant could not be filled. */
    public void withdraw(long tenantId) {
        entityManager.createQuery("SELECT a FROM AuditEntry a WHERE a.subjectTenantId = :tenant", AuditEntry.class)
                .setParameter("tenant", tenantId).getResultStream().forEach(entityManager::remove);
        Tenant tenant = entityManager.find(Tenant.class, tenantId);
        if (tenant != null) {
            entityManager.remove(tenant);
        }
    }

    private static Conflict taken(String slug) {
        return new Conflict("slug", "The slug " + slug + " is taken by another marketplace");
    }

    private static boolean violatesConstraint(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
        }
        return false;
    }
}
