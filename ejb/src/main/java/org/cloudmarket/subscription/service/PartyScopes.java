package org.cloudmarket.subscription.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashSet;
import java.util.Set;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.identity.service.Caller;
import org.cloudmarket.subscription.domain.PartyScope;
import org.cloudmarket.tenancy.domain.Organization;
import org.cloudmarket.tenancy.domain.OrganizationKind;

/** The caller's {@link PartyScope}: the one place a role and organization become what it sees of buying. */
@Dependent
public class PartyScopes {

    @Inject
    private Caller caller;

    @Inject
    private EntityManager entityManager;

    public PartyScope ofCaller() {
        return of(caller.user());
    }

    /** What {@code user} sees (the caller's, or the demo's acting user at startup). */
    public PartyScope of(User user) {
        if (user.getRole().isTenantStaff()) {
            return PartyScope.ALL;
        }
        Organization org = user.getOrganization().orElse(null);
        if (org == null) {
            return PartyScope.NONE;
        }
        return switch (org.getKind()) {
            case CUSTOMER -> new PartyScope(PartyScope.Kind.CUSTOMER, Set.of(org.getId()));
            case RESELLER -> new PartyScope(PartyScope.Kind.SELLER, Set.of(org.getId()));
            case DISTRIBUTOR -> new PartyScope(PartyScope.Kind.CHANNEL, resellersOf(org));
            case VENDOR -> new PartyScope(PartyScope.Kind.VENDOR, Set.of(org.getId()));
        };
    }

    /** A distributor's resellers (it has no customers of its own, DOMAIN "Channel customers"). */
    private Set<Long> resellersOf(Organization distributor) {
        Set<Long> ids = new HashSet<>(entityManager.createQuery(
                        "SELECT o.id FROM Organization o WHERE o.parent = :parent AND o.kind = :kind", Long.class)
                .setParameter("parent", distributor).setParameter("kind", OrganizationKind.RESELLER).getResultList());
        return ids.isEmpty() ? Set.of(-1L) : ids; // an empty IN () is no valid SQL; no organization has id -1
    }
}
