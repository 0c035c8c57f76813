package org.cloudmarket.tenancy.service;

/** Where a host name leads: a tenant and one of its storefronts. */
public record HostRoute(String host, long tenantId, String tenantSlug, long storefrontId) {
}
