package org.cloudmarket.customer.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.cloudmarket.tenancy.domain.Organization;
import org.cloudmarket.tenancy.domain.OrganizationKind;

/**
 * The one rule for a customer organization's name. Organization names are unique per kind in a
 * tenant (uk_organization_tenant_kind_name), legal names are not (two people named Mario Rossi,
 * two sellers' customers of one name): the second gets "Mario Rossi (2)". The name is internal;
 * views show the legal name (CustomerDirectory), so no seller learns of another's customer and
 * no sign-up, creation or change of billing details ever fails on a customer's name.
 */
@Dependent
class CustomerNames {

    private static final int BASE = 190; // the column is 200: room for " (n)"

    @Inject
    private EntityManager entityManager;

    /** A free name for the legal name; {@code self} (null for a new customer) may keep its own. */
    String free(String legalName, Organization self) {
        if (self != null && self.getName().equals(legalName)) {
            return legalName;
        }
        String base = legalName.length() > BASE ? legalName.substring(0, BASE).strip() : legalName;
        String candidate = legalName;
        for (int n = 2; taken(candidate, self); n++) {
            candidate = base + " (" + n + ")";
        }
        return candidate;
    }

    private boolean taken(String name, Organization self) {
        return entityManager.createQuery("SELECT COUNT(o) FROM Organization o WHERE o.kind = :kind AND o.name = :name AND o.id <> :self",
                        Long.class)
                .setParameter("kind", OrganizationKind.CUSTOMER).setParameter("name", name)
                .setParameter("self", self == null ? -1L : self.getId()).getSingleResult() > 0;
    }
}
