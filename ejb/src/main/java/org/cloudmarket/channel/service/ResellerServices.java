package org.cloudmarket.channel.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Objects;
import org.cloudmarket.catalog.domain.ExtraResourceTerms;
import org.cloudmarket.catalog.domain.Plan;
import org.cloudmarket.channel.domain.ResellerService;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.identity.service.Caller;
import org.cloudmarket.shared.error.Conflict;
import org.cloudmarket.shared.error.NotFound;
import org.cloudmarket.tenancy.domain.Organization;

/** A reseller's own value-added services; nobody else sees or changes them. */
@Stateless
@RolesAllowed(Role.Names.RESELLER)
public class ResellerServices {

    @Inject
    private EntityManager entityManager;

    @Inject
    private Caller caller;

    @Inject
    private ResoldPlans resold;

    public List<ResellerServiceView> mine() {
        return entityManager.createNamedQuery(ResellerService.OF_RESELLER, ResellerService.class)
                .setParameter("reseller", caller.organization().getId()).getResultStream().map(ResellerServiceView::of).toList();
    }

    public ResellerServiceView add(long planId, ExtraResourceTerms terms) {
        Organization reseller = caller.organization();
        Plan plan = resold.plan(reseller, planId, "planId");
        boolean taken = mine().stream().anyMatch(service -> service.planId() == planId && service.code().equals(terms.code()));
        if (taken) {
            throw new Conflict("You already sell a service " + terms.code() + " with " + plan.getName());
        }
        ResellerService service = new ResellerService(reseller, plan, terms);
        entityManager.persist(service);
        entityManager.flush();
        return ResellerServiceView.of(service);
    }

    public void remove(long serviceId) {
        ResellerService service = entityManager.find(ResellerService.class, serviceId);
        if (service == null || !Objects.equals(service.getReseller().getId(), caller.organization().getId())) {
            throw new NotFound("Service " + serviceId + " was not found");
        }
        entityManager.remove(service);
    }

}
