package org.cloudmarket.billing.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.error.NotFound;
import org.cloudmarket.shared.tenant.TenantContext;

/**
 * The tenant's ADMIN starts a lifecycle run of its own marketplace for an instant up to now (a missed hour, the back
 * office later), never a future one (which would end subscriptions early), and reads it back; another tenant's run
 * is a 404. The tenant is the caller's, never one the request names.
 */
@Stateless
@RolesAllowed(Role.Names.ADMIN)
public class LifecycleRuns {

    @Inject
    private TenantContext tenantContext;

    @Inject
    private Clock clock;

    /** {@code at}: an ISO instant up to now; absent, now. */
    public LifecycleRunView start(String at) {
        Instant now = clock.instant();
        Instant instant = at == null || at.isBlank() ? now : parse(at);
        if (instant.isAfter(now)) {
            throw new InvalidInput("at", "at is an instant up to now, never a future one");
        }
        long tenantId = tenantContext.requireTenantId();
        return get(tenantId, jobs().start(tenantId, instant));
    }

    public LifecycleRunView get(long id) {
        return get(tenantContext.requireTenantId(), id);
    }

    private LifecycleRunView get(long tenantId, long id) {
        return jobs().find(tenantId, id).orElseThrow(() -> new NotFound("No lifecycle run " + id));
    }

    private static Instant parse(String at) {
        try {
            return Instant.parse(at.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput("at", "at is an instant like 2026-12-01T10:00:00Z");
        }
    }

    private static LifecycleJobs jobs() {
        try {
            return (LifecycleJobs) new InitialContext().lookup(LifecycleJobs.JNDI);
        } catch (NamingException e) {
            throw new IllegalStateException("The batch module's lifecycle job is not deployed: " + e.getMessage(), e);
        }
    }
}
