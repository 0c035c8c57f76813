package org.cloudmarket.metering.domain;

import static org.cloudmarket.shared.text.Jsons.JSON;

import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;

/**
 * What a vendor's metric endpoint answered: a value, or why the poll failed (kept as the poll's last error, short).
 * The body is {@code {"value": 3.0}}; {@code metricsName} (older docs) is accepted and ignored; anything else fails.
 * A value fits usage_reading's DECIMAL(24,6): at most 18 digits before the point and 6 after.
 */
public record PollAnswer(Optional<BigDecimal> value, Optional<String> failure) {

    public static final int MAX_INTEGER_DIGITS = 18;
    public static final int MAX_SCALE = 6;
    private static final Set<String> KNOWN = Set.of("value", "metricsName");

    public PollAnswer {
        if (value.isPresent() == failure.isPresent()) {
            throw new IllegalArgumentException("An answer is a value or a failure");
        }
    }

    public static PollAnswer of(BigDecimal value) {
        return new PollAnswer(Optional.of(value), Optional.empty());
    }

    public static PollAnswer failed(String reason) {
        return new PollAnswer(Optional.empty(), Optional.of(reason));
    }

    public boolean succeeded() {
        return value.isPresent();
    }

    /** A 200's body, already bounded in size by the client. */
    public static PollAnswer parse(String body) {
        JsonValue parsed;
        try (JsonReader reader = JSON.createReader(new StringReader(body))) {
            parsed = reader.readValue();
        } catch (JsonException | IllegalStateException e) {
            return failed("the answer is not JSON");
        }
        if (!(parsed instanceof JsonObject object)) {
            return failed("the answer is not a JSON object");
        }
        Optional<String> unknown = object.keySet().stream().filter(key -> !KNOWN.contains(key)).sorted().findFirst();
        if (unknown.isPresent()) {
            return failed("unknown field in the answer: " + shortened(unknown.get()));
        }
        if (!(object.get("value") instanceof JsonNumber number)) {
            return failed(object.containsKey("value") ? "value is not a number" : "the answer has no value");
        }
        return bounded(number.bigDecimalValue());
    }

    private static PollAnswer bounded(BigDecimal value) {
        // precision - scale: the digits before the point, computed without expanding 1e999999999
        if ((long) value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            return failed("value has more than " + MAX_INTEGER_DIGITS + " digits before the point");
        }
        BigDecimal stripped = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        if (stripped.scale() > MAX_SCALE) {
            return failed("value has more than " + MAX_SCALE + " decimals");
        }
        return of(stripped.scale() < 0 ? stripped.setScale(0) : stripped);
    }

    private static String shortened(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
