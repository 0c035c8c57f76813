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
import org.cloudmarket.metering.service.UsageIntake;
import org.cloudmarket.shared.error.InvalidInput;

/** Usage pushed by vendors (issue 12): a batch of readings, one answer per reading in the order sent. */
@Path("usage")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UsageResource {

    /** One reading as sent; {@code at} an ISO instant. A field left out or unreadable refuses that reading alone (INVALID). */
    public record UsageReading(String id, Long subscriptionId, String metric, BigDecimal value, String at) {
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
                .map(r -> new Reading(r.id(), r.subscriptionId(), r.metric(), r.value(), instant(r.at()))).toList();
        return new UsageResults(intake.take(readings));
    }

    private static Instant instant(String at) {
        try {
            return at == null ? null : Instant.parse(at.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
