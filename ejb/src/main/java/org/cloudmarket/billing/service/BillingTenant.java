package org.cloudmarket.billing.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.cloudmarket.billing.domain.BillingSettings;
import org.cloudmarket.shared.tenant.TenantContext;
import org.cloudmarket.tenancy.domain.Tenant;

/** The current tenant as billing needs it: the row (zone, billing details, VAT settings) and its billing settings. */
@Dependent
public class BillingTenant {

    @Inject
    private EntityManager entityManager;

    @Inject
    private TenantContext tenantContext;

    public Tenant tenant() {
        return entityManager.find(Tenant.class, tenantContext.requireTenantId());
    }

    public long id() {
        return tenantContext.requireTenantId();
    }

    public BillingSettings settings() {
        return BillingSettings.of(tenant().getSettings());
    }
}
