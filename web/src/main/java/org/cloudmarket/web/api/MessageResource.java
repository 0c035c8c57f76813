package org.cloudmarket.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.cloudmarket.messaging.service.MessageView;
import org.cloudmarket.messaging.service.Messages;

/** The caller's in-app messages, newest first. */
@Path("messages")
@Produces(MediaType.APPLICATION_JSON)
public class MessageResource {

    @Inject
    private Messages messages;

    @GET
    public List<MessageView> mine(@QueryParam("limit") String limit) {
        return messages.mine(Inputs.integer("limit", limit, 50));
    }
}
