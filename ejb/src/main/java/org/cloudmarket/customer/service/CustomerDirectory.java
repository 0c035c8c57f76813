package org.cloudmarket.customer.service;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.cloudmarket.customer.domain.CustomerVisibility;
import org.cloudmarket.customer.domain.CustomerVisibility.Access;
import org.cloudmarket.customer.domain.CustomerVisibility.Scope;
import org.cloudmarket.customer.domain.CustomerVisibility.Viewer;
import org.cloudmarket.customer.service.CustomerView.CustomerUserView;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.identity.domain.AuditEntry.Channel;
import org.cloudmarket.identity.service.Caller;
import org.cloudmarket.accounts.service.Invitations;
import org.cloudmarket.shared.error.Conflict;
import org.cloudmarket.shared.error.Forbidden;
import org.cloudmarket.shared.error.NotFound;
import org.cloudmarket.shared.tenant.TenantContext;
import org.cloudmarket.tenancy.domain.BillingDetails;
import org.cloudmarket.tenancy.domain.BillingDetailsInput;
import org.cloudmarket.tenancy.domain.BillingDetailsRules;
import org.cloudmarket.tenancy.domain.Organization;
import org.cloudmarket.tenancy.domain.OrganizationKind;
import org.cloudmarket.tenancy.domain.Tenant;
import org.cloudmarket.tenancy.service.BillingDetailsView;

/**
 * The customers of the current tenant as the caller may see them (CustomerVisibility): listed,
 * read, their billing details changed, and a seller's own customers added for push orders.
 */
@Stateless
@PermitAll
public class CustomerDirectory {

    @Inject
    private EntityManager entityManager;

    @Inject
    private Customers customers;

    @Inject
    private Caller caller;

    @Inject
    private CustomerNames customerNames;

    @Inject
    private Invitations invitations;

    @Inject
    private TenantContext tenantContext;

    @Inject
    private Clock clock;

    public List<CustomerView> list() {
        Viewer viewer = customers.viewer();
        Scope scope = CustomerVisibility.scope(viewer);
        TypedQuery<Organization> query = switch (scope.kind()) {
            case ALL -> entityManager.createQuery(
                    "SELECT o FROM Organization o WHERE o.kind = :kind ORDER BY o.name, o.id", Organization.class);
            case OF_RESELLER -> entityManager.createQuery(
                    "SELECT o FROM Organization o WHERE o.kind = :kind AND o.parent.id = :scope ORDER BY o.name, o.id", Organization.class);
            case OF_DISTRIBUTOR -> entityManager.createQuery(
                    "SELECT o FROM Organization o WHERE o.kind = :kind AND o.parent.parent.id = :scope ORDER BY o.name, o.id", Organization.class);
            case ITSELF -> entityManager.createQuery(
                    "SELECT o FROM Organization o WHERE o.kind = :kind AND o.id = :scope", Organization.class);
            case NOTHING -> null;
        };
        if (query == null) {
            return List.of();
        }
        query.setParameter("kind", OrganizationKind.CUSTOMER);
        if (scope.organizationId() != null) {
            query.setParameter("scope", scope.organizationId());
        }
        // The query narrows; the rule decides each row, so a list never shows more than a lookup would.
        return query.getResultStream()
                .map(customer -> view(customer, CustomerVisibility.access(viewer, Customers.placement(customer))))
                .filter(view -> view != null)
                .toList();
    }

    /** The customer the caller is a user of (its dashboard); "not found" for anyone who is not a customer's user. */
    public CustomerView own() {
        Viewer viewer = customers.viewer();
        if (viewer.role() != Role.CUSTOMER) {
            throw new NotFound("You are not a customer's user");
        }
        return get(viewer.organizationId());
    }

    public CustomerView get(long id) {
        Customers.Found found = customers.visible(id);
        return view(found.customer(), found.access());
    }

    /**
     * Changes the billing details; fields left out (null) keep their value, an empty text clears an
     * optional one. Checked whole by BillingDetailsRules before anything is written.
     */
    public CustomerView changeBillingDetails(long id, BillingDetailsInput change) {
        Customers.Found found = customers.requiring(id, Access::mayEdit, "You may not change this customer's details");
        Organization customer = found.customer();
        if (customer.getClosedAt().isPresent()) {
            throw new Conflict("This customer's account is closed");
        }
        BillingDetailsInput current = customer.getBillingDetails().map(BillingDetailsView::of)
                .map(BillingDetailsView::asInput).orElse(new BillingDetailsInput(null, null, null, null, null, null,
                        null, null, null, null, null, null));
        BillingDetails details = BillingDetailsRules.customer(merge(current, change));
        String name = customerNames.free(details.getLegalName(), customer);
        if (!name.equals(customer.getName())) {
            customer.rename(name);
        }
        customer.changeBillingDetails(details);
        return view(customer, found.access());
    }

    /**
     * A seller's own customer: a reseller's goes under the reseller, the staff's under the tenant.
     * Its first user (the e-mail given, named as the customer) is invited (Invitations) to set a
     * password. People only: an API key adds no principals (Caller.person). The platform's own
     * tenant has no customers.
     */
    public CustomerView create(NewCustomer request, String remoteAddress, Channel channel) {
        User actor = caller.person();
        Viewer viewer = customers.viewer();
        if (!CustomerVisibility.mayCreate(viewer)) {
            throw new Forbidden("Only a reseller or the marketplace's staff add customers");
        }
        Tenant tenant = entityManager.find(Tenant.class, tenantContext.requireTenantId());
        if (tenant.isPlatform()) {
            throw new Forbidden("The platform's own tenant has no customers: add them in a marketplace");
        }
        BillingDetails details = BillingDetailsRules.customer(request.billingDetails());
        Instant now = clock.instant();
        Organization seller = viewer.role() == Role.RESELLER ? entityManager.find(Organization.class, viewer.organizationId()) : null;
        String name = customerNames.free(details.getLegalName(), null);
        Organization customer = seller == null
                ? Organization.underTenant(OrganizationKind.CUSTOMER, name, now)
                : Organization.under(seller, OrganizationKind.CUSTOMER, name, now);
        customer.changeBillingDetails(details);
        entityManager.persist(customer);
        invitations.invite(request.email(), details.getLegalName(), Role.CUSTOMER, customer,
                new Invitations.Inviter(actor.getId(), seller == null ? tenant.getName() : seller.getName()), remoteAddress, channel);
        entityManager.flush();
        return view(customer, CustomerVisibility.access(viewer, Customers.placement(customer)));
    }

    private CustomerView view(Organization customer, Access access) {
        if (!access.visible()) {
            return null;
        }
        var details = customer.getBillingDetails();
        Organization reseller = customer.getParent().orElse(null);
        // the legal name, not the organization's unique name ("Mario Rossi (2)" says another exists)
        String name = access.showsName(details.map(BillingDetails::getKind).orElse(null))
                ? details.map(BillingDetails::getLegalName).orElse(customer.getName()) : null;
        if (!access.personalData()) {
            return new CustomerView(customer.getId(), name, details.map(BillingDetails::getKind).orElse(null),
                    reseller == null ? null : reseller.getId(), reseller == null ? null : reseller.getName(),
                    customer.getCreatedAt(), customer.getClosedAt().orElse(null), null, null);
        }
        List<CustomerUserView> users = customers.users(customer).stream()
                .map(user -> new CustomerUserView(user.getId(), user.getEmail(), user.getDisplayName(), user.isEnabled()))
                .toList();
        return new CustomerView(customer.getId(), name, details.map(BillingDetails::getKind).orElse(null),
                reseller == null ? null : reseller.getId(), reseller == null ? null : reseller.getName(),
                customer.getCreatedAt(), customer.getClosedAt().orElse(null),
                details.map(BillingDetailsView::of).orElse(null), users);
    }

    private static BillingDetailsInput merge(BillingDetailsInput current, BillingDetailsInput change) {
        return new BillingDetailsInput(pick(change.kind(), current.kind()), pick(change.name(), current.name()),
                pick(change.address(), current.address()), pick(change.city(), current.city()),
                pick(change.postalCode(), current.postalCode()), pick(change.country(), current.country()),
                pick(change.vatNumber(), current.vatNumber()), pick(change.fiscalCode(), current.fiscalCode()),
                pick(change.sdiCode(), current.sdiCode()), pick(change.pec(), current.pec()), null, null);
    }

    private static String pick(String change, String current) {
        return change != null ? change : current;
    }
}
