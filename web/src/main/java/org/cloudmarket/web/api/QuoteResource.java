package org.cloudmarket.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cloudmarket.ordering.service.QuoteCommand;
import org.cloudmarket.ordering.service.QuoteView;
import org.cloudmarket.ordering.service.Quotes;
import org.cloudmarket.pricing.UsageEstimate;
import org.cloudmarket.shared.error.InvalidInput;

/** Prices a purchase for any API client. No sign-in needed for published plans; a token's customer gets its own prices. */
@Path("quotes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class QuoteResource {

    /** A gauge value held for a number of hours from the start of the period. */
    public record Reading(BigDecimal value, Long hours) {
    }

    /** Expected usage of one metric: a total quantity, or gauge readings. */
    public record Usage(BigDecimal quantity, List<Reading> readings) {

        UsageEstimate estimate(String code) {
            if ((quantity == null) == (readings == null)) {
                throw new InvalidInput("usage", "Estimate " + code + " by a quantity or by readings, one of the two");
            }
            if (quantity != null) {
                return new UsageEstimate.Total(Inputs.bounded("usage", quantity));
            }
            if (readings.stream().anyMatch(java.util.Objects::isNull)) {
                throw new InvalidInput("usage", "A reading of " + code + " cannot be empty: give its value and hours");
            }
            return new UsageEstimate.Held(readings.stream()
                    .map(reading -> new UsageEstimate.Segment(Inputs.bounded("usage", reading.value()), reading.hours() == null ? 0 : reading.hours()))
                    .toList());
        }
    }

    public record QuoteBody(Long planId, Integer duration, Map<String, Long> extraResources, String couponCode,
                            Map<String, Usage> usage, String start) {

        LocalDate startDay() {
            try {
                return start == null || start.isBlank() ? null : LocalDate.parse(start);
            } catch (DateTimeParseException e) {
                throw new InvalidInput("start", "start is a day like 2026-11-01");
            }
        }
    }

    @Inject
    private Quotes quotes;

    @POST
    public QuoteView quote(QuoteBody request) {
        return quotes.quote(command(request));
    }

    /** The body as the service's command; the storefront's calculator (CalculatorQuoteServlet) reads the same body. */
    public static QuoteCommand command(QuoteBody request) {
        QuoteBody body = Inputs.body(request);
        Map<String, UsageEstimate> usage = new LinkedHashMap<>();
        if (body.usage() != null) {
            body.usage().forEach((code, estimate) -> usage.put(code, Inputs.required("usage", estimate).estimate(code)));
        }
        if (body.extraResources() != null && body.extraResources().values().stream().anyMatch(quantity -> quantity == null)) {
            throw new InvalidInput("extraResources", "Every extra resource needs a quantity");
        }
        return new QuoteCommand(Inputs.required("planId", body.planId()), Inputs.required("duration", body.duration()),
                body.extraResources(), body.couponCode(), usage, body.startDay());
    }
}
