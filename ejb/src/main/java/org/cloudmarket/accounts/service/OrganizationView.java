package org.cloudmarket.accounts.service;

import java.time.Instant;
import org.cloudmarket.tenancy.domain.Organization;
import org.cloudmarket.tenancy.domain.OrganizationKind;

/** An organization of the tenant as the back-office lists it. */
public record OrganizationView(long id, OrganizationKind kind, String name, Long parentId, Instant createdAt) {

    static OrganizationView of(Organization organization) {
        return new OrganizationView(organization.getId(), organization.getKind(), organization.getName(),
                organization.getParent().map(Organization::getId).orElse(null), organization.getCreatedAt());
    }
}
