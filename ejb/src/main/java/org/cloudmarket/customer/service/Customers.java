package org.cloudmarket.customer.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.function.Predicate;
import org.cloudmarket.customer.domain.CustomerVisibility;
import org.cloudmarket.customer.domain.CustomerVisibility.Access;
import org.cloudmarket.customer.domain.CustomerVisibility.Placement;
import org.cloudmarket.customer.domain.CustomerVisibility.Viewer;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.identity.service.Caller;
import org.cloudmarket.shared.error.Forbidden;
import org.cloudmarket.shared.error.NotFound;
import org.cloudmarket.tenancy.domain.Organization;
import org.cloudmarket.tenancy.domain.OrganizationKind;

/**
 * Finds a customer of the current tenant for the caller, with what {@link CustomerVisibility}
 * lets it do: the customer services' one way in, inside their transaction.
 */
@Dependent
class Customers {

    /** A customer and what the caller may do with it. */
    record Found(Organization customer, Access access) {
    }

    @Inject
    private EntityManager entityManager;

    @Inject
    private Caller caller;

    Viewer viewer() {
        User user = caller.user();
        return new Viewer(user.getRole(), user.getOrganization().map(Organization::getId).orElse(null));
    }

    /** The customer if the caller sees it; another seller's customer, or any other party, is "not found". */
    Found visible(long id) {
        Organization customer = entityManager.find(Organization.class, id);
        Access access = customer == null || customer.getKind() != OrganizationKind.CUSTOMER
                ? Access.NONE : CustomerVisibility.access(viewer(), placement(customer));
        if (!access.visible()) {
            throw new NotFound("Customer " + id + " was not found");
        }
        return new Found(customer, access);
    }

    /** The customer if the caller may do more than look: "forbidden" when it only looks. */
    Found requiring(long id, Predicate<Access> allowed, String refusal) {
        Found found = visible(id);
        if (!allowed.test(found.access())) {
            throw new Forbidden(refusal);
        }
        return found;
    }

    List<User> users(Organization customer) {
        return entityManager.createQuery("SELECT u FROM User u WHERE u.organization = :customer ORDER BY u.id", User.class)
                .setParameter("customer", customer).getResultList();
    }

    static Placement placement(Organization customer) {
        Organization reseller = customer.getParent().filter(parent -> parent.getKind() == OrganizationKind.RESELLER).orElse(null);
        Organization distributor = reseller == null ? null
                : reseller.getParent().filter(parent -> parent.getKind() == OrganizationKind.DISTRIBUTOR).orElse(null);
        return new Placement(customer.getId(), reseller == null ? null : reseller.getId(),
                distributor == null ? null : distributor.getId());
    }
}
