package org.cloudmarket.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.identity.service.SignedInUser;
import org.cloudmarket.identity.service.UserDirectory;
import org.cloudmarket.identity.service.UserView;
import org.cloudmarket.web.tenancy.HostTenancy;

/** Who the token belongs to, on which marketplace, and who is really acting if impersonating. */
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    public record Me(long id, String email, String displayName, Role role, String tenant, Long impersonatorId,
                     boolean emailVerified) {
    }

    @Inject
    private UserDirectory userDirectory;

    @Inject
    private RequestIdentity identity;

    @Inject
    private HostTenancy hostTenancy;

    @GET
    public Me me() {
        SignedInUser signedIn = identity.user();
        UserView user = userDirectory.me();
        return new Me(user.id(), user.email(), user.displayName(), user.role(), hostTenancy.route().tenantSlug(),
                signedIn.impersonatorId(), user.emailVerified());
    }
}
