package org.cloudmarket.web.api;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.cloudmarket.customer.service.AccountClosing;
import org.cloudmarket.customer.service.CustomerDirectory;
import org.cloudmarket.customer.service.CustomerExport;
import org.cloudmarket.customer.service.CustomerView;
import org.cloudmarket.customer.service.NewCustomer;
import org.cloudmarket.customer.service.SignUpRequest;
import org.cloudmarket.customer.service.SignUps;
import org.cloudmarket.identity.domain.AuditEntry;
import org.cloudmarket.tenancy.domain.BillingDetailsInput;

/**
 * Customers: a visitor's sign-up (SignUps), the directory as the caller may see it
 * (CustomerDirectory), a seller's own customers added, a customer's data export and closing. Each
 * method only delegates.
 */
@Path("customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomerResource {

    /** The one answer to an accepted sign-up: it says nothing of whether the e-mail had an account. */
    public record SignUpAccepted(String status, String detail) {
        static final SignUpAccepted INSTANCE = new SignUpAccepted("accepted",
                "Thank you. A mail is on its way to this address: follow its link to verify it, then sign in.");
    }

    /** The body of PATCH /customers/{id}: the fields to change; those left out keep their value. */
    public record BillingDetailsChange(String kind, String name, String address, String city, String postalCode,
                                       String country, String vatNumber, String fiscalCode, String sdiCode, String pec) {

        BillingDetailsInput input() {
            return new BillingDetailsInput(kind, name, address, city, postalCode, country, vatNumber, fiscalCode, sdiCode,
                    pec, null, null);
        }
    }

    @Inject
    private SignUps signUps;

    @Inject
    private CustomerDirectory customerDirectory;

    @Inject
    private CustomerExport customerExport;

    @Inject
    private AccountClosing accountClosing;

    @Inject
    private RequestIdentity identity;

    @Inject
    private HttpServletRequest request;

    @GET
    public List<CustomerView> list() {
        return customerDirectory.list();
    }

    @GET
    @Path("{id}")
    public CustomerView get(@PathParam("id") long id) {
        return customerDirectory.get(id);
    }

    @PATCH
    @Path("{id}")
    public CustomerView change(@PathParam("id") long id, BillingDetailsChange change) {
        return customerDirectory.changeBillingDetails(id, Inputs.body(change).input());
    }

    /**
     * Anonymous on a storefront's host: a sign-up, always 202 with the same body, whether the e-mail
     * is new or already has an account (whose owner gets a mail instead). Signed in (a reseller, the
     * staff): the seller's own customer, 201, its first user invited.
     */
    @POST
    public Response create(SignUpRequest body) {
        if (ApiRequests.caller(request).isEmpty()) {
            signUps.signUp(body, request.getRemoteAddr());
            return Response.accepted(SignUpAccepted.INSTANCE).build();
        }
        SignUpRequest customer = Inputs.body(body);
        CustomerView created = customerDirectory.create(new NewCustomer(customer.email(), customer.billingDetails()),
                identity.remoteAddress(), AuditEntry.Channel.API);
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @GET
    @Path("{id}/export")
    public Response export(@PathParam("id") long id) {
        Map<String, Object> data = customerExport.export(id);
        return Response.ok(data).header("Content-Disposition", "attachment; filename=\"customer-" + id + ".json\"").build();
    }

    @POST
    @Path("{id}/closing")
    public Response close(@PathParam("id") long id) {
        accountClosing.close(id, identity.user(), identity.remoteAddress(), AuditEntry.Channel.API);
        return Response.noContent().build();
    }
}
