package org.cloudmarket.platform.service;

import org.cloudmarket.platform.domain.NewTenant;

/** A new marketplace as the operator types it (API body or page form), checked by the service once the caller may. */
public record TenantForm(String slug, String name, String currency, String timeZone, String locale, String adminEmail) {

    NewTenant checked() {
        return NewTenant.of(slug, name, currency, timeZone, locale, adminEmail);
    }
}
