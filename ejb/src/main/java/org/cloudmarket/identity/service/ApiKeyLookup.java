package org.cloudmarket.identity.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import org.cloudmarket.identity.domain.ApiKey;
import org.cloudmarket.identity.domain.TokenSecret;

/** Finds an unrevoked API key of the current tenant by its secret, as ApiTokens finds tokens. */
@Dependent
class ApiKeyLookup {

    @Inject
    private EntityManager entityManager;

    Optional<ApiKey> findUsable(String secret) {
        if (secret == null || secret.isBlank()) {
            return Optional.empty();
        }
        return entityManager.createNamedQuery(ApiKey.BY_HASH, ApiKey.class)
                .setParameter("hash", TokenSecret.hash(secret))
                .getResultStream()
                .findFirst()
                .filter(ApiKey::isUsable);
    }
}
