package org.cloudmarket.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.cloudmarket.billing.service.InvoiceView;
import org.cloudmarket.billing.service.VendorCostRuns;
import org.cloudmarket.shared.error.InvalidInput;

/** The ADMIN's run of a month's trial and sandbox costs, invoiced to the vendors (the schedule runs the same). */
@Path("vendor-costs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VendorCostResource {

    /** A month like 2026-11, over in the marketplace's zone. */
    public record MonthRequest(String month) {
    }

    /** The invoices this run issued: none when the month was invoiced already. */
    public record MonthInvoices(String month, List<InvoiceView> invoices) {
    }

    @Inject
    private VendorCostRuns runs;

    @POST
    public MonthInvoices invoice(MonthRequest request) {
        YearMonth month = month(Inputs.body(request).month());
        return new MonthInvoices(month.toString(), runs.invoiceMonth(month));
    }

    private static YearMonth month(String value) {
        try {
            if (value == null || value.strip().length() != 7) {
                throw new DateTimeParseException("not yyyy-MM", String.valueOf(value), 0);
            }
            return YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput("month", "month is a month like 2026-11");
        }
    }
}
