package org.cloudmarket.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.cloudmarket.identity.service.UserDirectory;
import org.cloudmarket.identity.service.UserView;

/** The users of the host's tenant. */
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

    @Inject
    private UserDirectory userDirectory;

    @GET
    public List<UserView> list() {
        return userDirectory.list();
    }

    @GET
    @Path("{id}")
    public UserView get(@PathParam("id") long id) {
        return userDirectory.get(id);
    }
}
