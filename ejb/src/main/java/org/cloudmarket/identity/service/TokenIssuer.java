package org.cloudmarket.identity.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.cloudmarket.identity.domain.User;

/**
 * Issues the token of a user whose password Authentication has just checked, in a short
 * transaction of its own. It checks nothing itself, so no request may reach it: not a session
 * bean (whose public methods anyone may call or look up), and invisible outside its package.
 */
@Dependent
@Transactional
class TokenIssuer {

    @Inject
    private EntityManager entityManager;

    @Inject
    private ApiTokens apiTokens;

    IssuedToken issue(long userId) {
        return apiTokens.issue(entityManager.find(User.class, userId), null);
    }
}
