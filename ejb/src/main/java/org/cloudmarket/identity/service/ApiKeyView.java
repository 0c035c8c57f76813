package org.cloudmarket.identity.service;

import java.time.Instant;
import org.cloudmarket.identity.domain.ApiKey;
import org.cloudmarket.identity.domain.Role;

/** An API key as it is listed: never its secret, which only its creation answer carries. */
public record ApiKeyView(long id, String name, Role role, String organization, Instant createdAt, Instant revokedAt) {

    static ApiKeyView of(ApiKey key) {
        return new ApiKeyView(key.getId(), key.getName(), key.getUser().getRole(),
                key.getOrganization().map(organization -> organization.getName()).orElse(null),
                key.getCreatedAt(), key.getRevokedAt().orElse(null));
    }
}
