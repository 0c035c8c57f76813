package org.cloudmarket.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.cloudmarket.metering.domain.Reading;
import org.cloudmarket.metering.domain.ReadingResult;
import org.cloudmarket.metering.domain.ReadingRules;
import org.cloudmarket.metering.service.UsageIntake;
import org.cloudmarket.shared.error.InvalidInput;

/** Usage pushed by vendors (issue 12): a batch of readings, one answer per reading in the order sent. */
@Path("usage")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UsageResource {

    /**
     * One reading as sent; {@code at} an ISO instant. Its fields are read loosely (JSON-B gives a number as a BigDecimal,
     * a text as a String): a field left out, of the wrong JSON type or unreadable refuses that reading alone (INVALID),
     * never the batch beside it.
     */
    public record UsageReading(Object id, Object subscriptionId, Object metric, Object value, Object at) {

        Reading reading() {
            return new Reading(text(id), wholeNumber(subscriptionId), text(metric), value instanceof BigDecimal number ? number : null,
                    instant(at));
        }
    }

    public record UsageBatch(List<UsageReading> readings) {
    }

    public record UsageResults(List<ReadingResult> results) {
    }

    @Inject
    private UsageIntake intake;

    @POST
    public UsageResults take(UsageBatch request) {
        UsageBatch body = Inputs.body(request);
        if (body.readings() == null || body.readings().stream().anyMatch(reading -> reading == null)) {
            throw new InvalidInput("readings", "readings is a list of 1 to " + UsageIntake.MAX_BATCH + " readings");
        }
        List<Reading> readings = body.readings().stream()
                .map(UsageReading::reading).toList();
        return new UsageResults(intake.take(readings));
    }

    private static Instant instant(Object at) {
        try {
            return at instanceof String text ? Instant.parse(text.strip()) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * A vendor's id may be a JSON text or number; anything else reads as missing. A number whose plain form would be
     * longer than an id may be (1e999999999 is a billion digits) reads as missing too, before it is ever written out.
     */
    private static String text(Object value) {
        if (value instanceof BigDecimal number) {
            boolean fits = number.precision() - number.scale() <= ReadingRules.ID_LENGTH && number.scale() <= ReadingRules.ID_LENGTH;
            return fits ? number.toPlainString() : null;
        }
        return value instanceof String text ? text : null;
    }

    /** A whole JSON number that fits a long; anything else reads as missing. */
    private static Long wholeNumber(Object value) {
        if (value instanceof BigDecimal number) {
            try {
                return number.longValueExact();
            } catch (ArithmeticException e) {
                return null; // 1.5 or beyond a long: no subscription has that id, the reading is INVALID
            }
        }
        return null;
    }
}
