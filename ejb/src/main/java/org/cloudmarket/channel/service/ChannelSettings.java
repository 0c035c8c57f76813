package org.cloudmarket.channel.service;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.shared.tenant.TenantContext;
import org.cloudmarket.tenancy.domain.Tenant;

/**
 * The tenant's channel switches, kept in its settings: the whole channel on or off (off: only the
 * tenant's storefront sells), and the distributor tier on or off (off: resellers buy at wholesale).
 */
@Stateless
@PermitAll
public class ChannelSettings {

    static final String CHANNEL = "channel.enabled";
    static final String DISTRIBUTORS = "channel.distributors";

    /** The switches as a value. */
    public record View(boolean channelEnabled, boolean distributorTierEnabled) {
    }

    @Inject
    private EntityManager entityManager;

    @Inject
    private TenantContext tenantContext;

    public View current() {
        Tenant tenant = tenant();
        return new View(!"false".equals(tenant.getSettings().get(CHANNEL)), !"false".equals(tenant.getSettings().get(DISTRIBUTORS)));
    }

    /** The switches for the API: the tenant's staff and its channel read them. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.SUPERVISOR, Role.Names.DISTRIBUTOR, Role.Names.RESELLER})
    public View read() {
        return current();
    }

    @RolesAllowed(Role.Names.ADMIN)
    public View update(boolean channelEnabled, boolean distributorTierEnabled) {
        Tenant tenant = tenant();
        tenant.putSetting(CHANNEL, Boolean.toString(channelEnabled));
        tenant.putSetting(DISTRIBUTORS, Boolean.toString(distributorTierEnabled));
        return current();
    }

    private Tenant tenant() {
        return entityManager.find(Tenant.class, tenantContext.requireTenantId());
    }
}
