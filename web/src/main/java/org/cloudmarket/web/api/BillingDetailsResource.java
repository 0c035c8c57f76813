package org.cloudmarket.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.cloudmarket.tenancy.domain.BillingDetailsInput;
import org.cloudmarket.tenancy.service.BillingDetailsView;
import org.cloudmarket.tenancy.service.SellerBillingDetails;

/** The caller's own billing details as a seller or vendor (the marketplace's for its staff). */
@Path("billing-details")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BillingDetailsResource {

    public record SellerBillingDetailsRequest(String kind, String name, String address, String city, String postalCode,
                                              String country, String vatNumber, String fiscalCode, String sdiCode,
                                              String pec, String iban, String invoicePrefix) {
    }

    @Inject
    private SellerBillingDetails sellerBillingDetails;

    @GET
    public BillingDetailsView get() {
        return sellerBillingDetails.get();
    }

    @PUT
    public BillingDetailsView change(SellerBillingDetailsRequest request) {
        SellerBillingDetailsRequest body = Inputs.body(request);
        return sellerBillingDetails.change(new BillingDetailsInput(body.kind(), body.name(), body.address(), body.city(),
                body.postalCode(), body.country(), body.vatNumber(), body.fiscalCode(), body.sdiCode(), body.pec(),
                body.iban(), body.invoicePrefix()));
    }
}
