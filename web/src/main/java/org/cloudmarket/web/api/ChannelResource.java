package org.cloudmarket.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.cloudmarket.channel.service.ChannelSettings;
import org.cloudmarket.channel.service.CostView;
import org.cloudmarket.channel.service.PriceLists;

/** What a distributor or reseller pays, and the tenant's channel switches. */
@Path("channel")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ChannelResource {

    public record SettingsRequest(Boolean channelEnabled, Boolean distributorTierEnabled) {
    }

    @Inject
    private PriceLists priceLists;

    @Inject
    private ChannelSettings settings;

    @GET
    @Path("costs")
    public List<CostView> costs() {
        return priceLists.costs();
    }

    @GET
    @Path("settings")
    public ChannelSettings.View settings() {
        return settings.read();
    }

    @PUT
    @Path("settings")
    public ChannelSettings.View updateSettings(SettingsRequest request) {
        SettingsRequest body = Inputs.body(request);
        return settings.update(Inputs.required("channelEnabled", body.channelEnabled()),
                Inputs.required("distributorTierEnabled", body.distributorTierEnabled()));
    }
}
