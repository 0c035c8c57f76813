package org.cloudmarket.identity.service;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.cloudmarket.identity.domain.ApiKey;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.identity.domain.UserAdministrationRules;
import org.cloudmarket.identity.domain.UserAdministrationRules.Member;
import org.cloudmarket.shared.error.NotFound;

/** The users of the current tenant, as the caller may see them: what each caller sees is decided per method. */
@Stateless
@PermitAll
public class UserDirectory {

    @Inject
    private EntityManager entityManager;

    @Inject
    private Caller caller;

    public UserView me() {
        return UserView.of(caller.user());
    }

    /** The users the caller may act as: those below the caller's role. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.SUPERVISOR})
    public List<UserView> impersonable() {
        User actor = caller.user();
        return entityManager.createNamedQuery(User.ALL, User.class).getResultStream()
                .filter(actor::mayActAs)
                .filter(user -> !ApiKey.isMachine(user))
                .map(UserView::of)
                .toList();
    }

    /** Whom the caller may see (UserAdministrationRules: staff all, a party its colleagues, a reseller its customers'); anything else is "not found". */
    public UserView get(long id) {
        User self = caller.user();
        if (self.getId() == id) {
            return UserView.of(self);
        }
        User user = entityManager.find(User.class, id);
        if (user == null || !UserAdministrationRules.sees(Member.of(self), Member.of(user))) {
            throw new NotFound("User " + id + " was not found");
        }
        return UserView.of(user);
    }
}
