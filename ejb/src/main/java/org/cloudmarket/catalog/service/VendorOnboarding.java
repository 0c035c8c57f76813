package org.cloudmarket.catalog.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.cloudmarket.catalog.domain.Decision;
import org.cloudmarket.catalog.domain.VendorRegistration;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.identity.service.Caller;
import org.cloudmarket.messaging.service.Notifications;
import org.cloudmarket.shared.error.NotFound;
import org.cloudmarket.tenancy.domain.Organization;

/**
 * A vendor applies to sell; the tenant's staff approve or reject it with a reason. Until then the
 * vendor may prepare drafts but not submit them.
 */
@Stateless
@RolesAllowed({Role.Names.ADMIN, Role.Names.SUPERVISOR})
public class VendorOnboarding {

    @Inject
    private EntityManager entityManager;

    @Inject
    private Caller caller;

    @Inject
    private CatalogAccess access;

    @Inject
    private Notifications notifications;

    @Inject
    private Clock clock;

    /** The caller's vendor applies, or applies again after a rejection. */
    @RolesAllowed(Role.Names.VENDOR)
    public VendorRegistrationView apply() {
        Organization vendor = access.vendorOf(caller.user());
        Optional<VendorRegistration> existing = registrationOf(vendor);
        if (existing.isPresent()) {
            existing.get().reapply(clock.instant());
            entityManager.flush();
            return VendorRegistrationView.of(existing.get());
        }
        VendorRegistration registration = new VendorRegistration(vendor, clock.instant());
        entityManager.persist(registration);
        entityManager.flush();
        return VendorRegistrationView.of(registration);
    }

    @RolesAllowed(Role.Names.VENDOR)
    public Optional<VendorRegistrationView> mine() {
        return registrationOf(access.vendorOf(caller.user())).map(VendorRegistrationView::of);
    }

    public List<VendorRegistrationView> list() {
        return entityManager.createNamedQuery(VendorRegistration.ALL, VendorRegistration.class).getResultStream()
                .map(VendorRegistrationView::of).toList();
    }

    public VendorRegistrationView decide(long registrationId, boolean approve, String reason) {
        VendorRegistration registration = entityManager.find(VendorRegistration.class, registrationId);
        if (registration == null) {
            throw new NotFound("Vendor registration " + registrationId + " was not found");
        }
        Decision decision = new Decision(Decision.Subject.VENDOR, registrationId,
                approve ? Decision.Outcome.APPROVED : Decision.Outcome.REJECTED, reason, caller.user(), clock.instant());
        registration.decide(approve, clock.instant());
        entityManager.persist(decision);
        entityManager.flush(); // a concurrent decision fails here, on the version, as a 409
        notifications.send(registration.getOrganization(),
                approve ? "Your vendor registration is approved" : "Your vendor registration was rejected",
                approve ? "You can now submit products for review." + suffix(decision.getReason())
                        : "Reason: " + decision.getReason());
        return VendorRegistrationView.of(registration);
    }

    private Optional<VendorRegistration> registrationOf(Organization vendor) {
        return entityManager.createNamedQuery(VendorRegistration.OF_ORGANIZATION, VendorRegistration.class)
                .setParameter("organization", vendor.getId()).getResultStream().findFirst();
    }

    private static String suffix(String reason) {
        return reason.isEmpty() ? "" : " Note: " + reason;
    }
}
