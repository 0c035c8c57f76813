package org.cloudmarket.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.List;
import org.cloudmarket.channel.service.ChannelSettings;
import org.cloudmarket.channel.service.CostView;
import org.cloudmarket.channel.service.ExchangeRates;
import org.cloudmarket.channel.service.PriceLists;

/** What a distributor or reseller pays, the tenant's channel switches and its exchange rates. */
@Path("channel")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ChannelResource {

    public record SettingsRequest(Boolean channelEnabled, Boolean distributorTierEnabled) {
    }

    /** Units of a currency one unit of the marketplace's buys. */
    public record RateRequest(BigDecimal rate) {
    }

    @Inject
    private PriceLists priceLists;

    @Inject
    private ChannelSettings settings;

    @Inject
    private ExchangeRates exchangeRates;

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

    @GET
    @Path("exchange-rates")
    public ExchangeRates.View exchangeRates() {
        return exchangeRates.read();
    }

    @PUT
    @Path("exchange-rates/{currency}")
    public ExchangeRates.View setExchangeRate(@PathParam("currency") String currency, RateRequest request) {
        return exchangeRates.set(currency, Inputs.bounded("rate", Inputs.required("rate", Inputs.body(request).rate())));
    }

    @DELETE
    @Path("exchange-rates/{currency}")
    public ExchangeRates.View removeExchangeRate(@PathParam("currency") String currency) {
        return exchangeRates.remove(currency);
    }
}
