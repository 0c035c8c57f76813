package org.cloudmarket.platform.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cloudmarket.identity.domain.AuditEntry.Channel;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.platform.domain.MarketplaceAddress;
import org.cloudmarket.platform.domain.NewTenant;
import org.cloudmarket.shared.error.Forbidden;
import org.cloudmarket.shared.tenant.TenantContext;
import org.cloudmarket.tenancy.domain.Tenant;

/**
 * The platform operator opens marketplaces: the named cross-tenant service over the tenants.
 * <p>
 * Opening one is two transactions, as one transaction serves one tenant: the platform's (the
 * tenant row, guarded by the slug's unique key, and the audit line) and then the new tenant's
 * (its storefront with the default look, its host name, its first admin and the invitation mail,
 * which the outbox sends only once that commits). When the second fails, the first is undone, so
 * no half-made tenant is left and the same slug can be asked for again.
 */
@Stateless
@RolesAllowed(Role.Names.SUPER_ADMIN)
public class Marketplaces {

    private static final Logger LOG = Logger.getLogger(Marketplaces.class.getName());

    @Inject
    private MarketplaceSteps steps;

    @Inject
    private TenantContext tenantContext;

    @Inject
    private EntityManager entityManager;

    public List<TenantView> list() {
        requirePlatformHost();
        String origin = tenantContext.origin().orElse(null);
        return entityManager.createNamedQuery(Tenant.ALL, Tenant.class).getResultStream()
                .map(tenant -> view(tenant, origin, null)).toList();
    }

    /** Each step is a transaction of its own: see the class comment. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public TenantView create(TenantForm form, String remoteAddress, Channel channel) {
        NewTenant request = form.checked();
        String origin = tenantContext.origin().orElse(null);
        MarketplaceSteps.Registered registered = steps.register(request, remoteAddress, channel);
        Tenant tenant = registered.tenant();
        long tenantId = tenant.getId();
        try {
            tenantContext.callAs(tenantId, () -> {
                steps.fill(tenantId, request, MarketplaceAddress.of(origin, request.slug()), registered.operatorName());
                return null;
            });
        } catch (Throwable failed) {
            // also what no signature declares: a failed commit comes out of the transaction's interceptor as
            // jakarta.transaction.RollbackException, a checked exception
            withdraw(tenantId, failed);
            throw failed;
        }
        return view(tenant, origin, request.adminEmail());
    }

    private void withdraw(long tenantId, Throwable cause) {
        try {
            steps.withdraw(tenantId);
        } catch (RuntimeException alsoFailed) {
            cause.addSuppressed(alsoFailed);
            LOG.log(Level.SEVERE, "Tenant " + tenantId + " was registered but could not be filled nor withdrawn: remove it by hand",
                    alsoFailed);
        }
    }

    /** SUPER_ADMIN holds on the platform's own tenant only (Role.holdsIn); this says so at the door too. */
    private void requirePlatformHost() {
        Tenant current = entityManager.find(Tenant.class, tenantContext.requireTenantId());
        if (!Tenant.PLATFORM.equals(current.getSlug())) {
            throw new Forbidden("Marketplaces are opened on the platform's own host");
        }
    }

    private static TenantView view(Tenant tenant, String origin, String adminEmail) {
        return new TenantView(tenant.getId(), tenant.getSlug(), tenant.getName(), MarketplaceAddress.of(origin, tenant.getSlug()),
                tenant.getDefaultCurrency().getCurrencyCode(), tenant.getTimeZone().getId(), tenant.getLocale().toLanguageTag(),
                tenant.getCreatedAt(), adminEmail);
    }
}
