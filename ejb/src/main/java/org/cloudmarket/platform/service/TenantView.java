package org.cloudmarket.platform.service;

import java.time.Instant;

/**
 * A marketplace as the platform operator sees it: where its storefront answers, and its settings.
 * {@code adminEmail} (the invited first admin) is in the answer to its creation only: the list
 * reads platform data, never the tenants' own rows.
 */
public record TenantView(long id, String slug, String name, String url, String currency, String timeZone, String locale,
                         Instant createdAt, String adminEmail) {
}
