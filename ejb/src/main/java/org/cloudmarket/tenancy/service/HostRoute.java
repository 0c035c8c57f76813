package org.cloudmarket.tenancy.service;

/**
 * Where a host name leads: a tenant and one of its storefronts. {@code customDomain} is true for a
 * name outside the tenant's own sub-domain (a reseller's approved domain of its own).
 */
public record HostRoute(String host, long tenantId, String tenantSlug, long storefrontId, boolean customDomain) {
}
