package org.cloudmarket.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.cloudmarket.identity.service.AuditLog;
import org.cloudmarket.identity.service.AuditView;

/** The tenant's audit log, newest first (ADMIN and SUPERVISOR). */
@Path("audit-entries")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    private AuditLog auditLog;

    @GET
    public List<AuditView> latest(@QueryParam("limit") @DefaultValue("50") int limit) {
        return auditLog.latest(limit);
    }
}
