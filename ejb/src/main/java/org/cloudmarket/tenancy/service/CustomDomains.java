package org.cloudmarket.tenancy.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.shared.error.Conflict;
import org.cloudmarket.shared.error.NotFound;
import org.cloudmarket.tenancy.domain.CustomDomain;
import org.cloudmarket.tenancy.domain.DomainClaim;
import org.cloudmarket.tenancy.domain.StorefrontHost;
import org.cloudmarket.tenancy.domain.Tenant;

/**
 * The platform operator's queue of custom domains. Approving one makes it route to the
 * storefront, and only once the domain's DNS publishes the request's TXT record: whoever runs the
 * domain asked for it. Until then it reaches nothing. A decision frees the host's claim.
 */
@Stateless
@RolesAllowed(Role.Names.SUPER_ADMIN)
public class CustomDomains {

    /** A request as the operator sees it. */
    public record Request(long id, String host, String tenant, Instant requestedAt, String txtName, String txtValue) {
    }

    @Inject
    private EntityManager entityManager;

    @Inject
    private Clock clock;

    @Inject
    private DnsTxtRecords dns;

    public List<Request> pending() {
        return entityManager.createNamedQuery(CustomDomain.PENDING, CustomDomain.class)
                .setParameter("status", CustomDomain.Status.PENDING).getResultStream()
                .map(request -> new Request(request.getId(), request.getHost(),
                        entityManager.find(Tenant.class, request.getTenantId()).getSlug(), request.getRequestedAt(),
                        request.txtName(), request.txtValue()))
                .toList();
    }

    public void decide(long requestId, boolean approve) {
        CustomDomain request = entityManager.find(CustomDomain.class, requestId);
        if (request == null) {
            throw new NotFound("Domain request " + requestId + " was not found");
        }
        if (!approve) {
            request.reject(clock.instant());
            release(request);
            return;
        }
        if (request.getStatus() == CustomDomain.Status.PENDING && !request.isProvenBy(dns.lookup(request.txtName()))) {
            throw new Conflict("The DNS of " + request.getHost() + " does not publish the TXT record " + request.txtName()
                    + " = " + request.txtValue() + " yet");
        }
        if (entityManager.find(StorefrontHost.class, request.getHost()) != null) {
            throw new Conflict(request.getHost() + " already reaches a storefront");
        }
        entityManager.persist(request.approve(clock.instant()));
        release(request);
        entityManager.flush();
    }

    private void release(CustomDomain request) {
        DomainClaim claim = entityManager.find(DomainClaim.class, request.getHost());
        if (claim != null && claim.getRequestId() == request.getId()) {
            entityManager.remove(claim);
        }
    }
}
