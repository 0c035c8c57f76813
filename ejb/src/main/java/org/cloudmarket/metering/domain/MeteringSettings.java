package org.cloudmarket.metering.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cloudmarket.shared.error.InvalidInput;

/**
 * The marketplace settings metering reads (Tenant.settings), with their defaults: {@code metering.graceHours} (2;
 * DOMAIN "Usage": a period closes for usage at its end plus the grace) and {@code metering.defaultQuota.<metric code>}
 * ("500" or "500 blocking"), the quota of a metric of that code whose vendor set none.
 */
public record MeteringSettings(Duration grace, Map<String, Quota> defaultQuotas) {

    public static final String GRACE_HOURS = "metering.graceHours";
    public static final String DEFAULT_QUOTA = "metering.defaultQuota.";

    /** A limit in the metric's unit per period; a blocking one stops the subscription at 100 %. */
    public record Quota(BigDecimal limit, boolean blocking) {
        public Quota {
            if (limit == null || limit.signum() <= 0) {
                throw new InvalidInput("quota", "A quota is a positive quantity");
            }
        }
    }

    public MeteringSettings {
        defaultQuotas = Map.copyOf(defaultQuotas);
    }

    public static MeteringSettings of(Map<String, String> settings) {
        String graceValue = settings.getOrDefault(GRACE_HOURS, "2").strip();
        long hours;
        try {
            hours = Long.parseLong(graceValue);
        } catch (NumberFormatException e) {
            hours = -1;
        }
        if (hours < 0 || hours > 24 * 31) {
            throw new InvalidInput(GRACE_HOURS, GRACE_HOURS + " is a number of hours from 0 to 744");
        }
        Map<String, Quota> quotas = new java.util.HashMap<>();
        settings.forEach((key, value) -> {
            if (key.startsWith(DEFAULT_QUOTA)) {
                quotas.put(key.substring(DEFAULT_QUOTA.length()), quota(key, value));
            }
        });
        return new MeteringSettings(Duration.ofHours(hours), quotas);
    }

    /** The metric's own quota, else the marketplace's default for its code. */
    public Optional<Quota> quotaOf(String metricCode, BigDecimal ownLimit, boolean ownBlocking) {
        return ownLimit != null ? Optional.of(new Quota(ownLimit, ownBlocking)) : Optional.ofNullable(defaultQuotas.get(metricCode));
    }

    private static Quota quota(String key, String value) {
        String[] words = value.strip().toLowerCase(Locale.ROOT).split("\\s+");
        try {
            boolean blocking = words.length == 2 && words[1].equals("blocking");
            if (words.length > 2 || (words.length == 2 && !blocking)) {
                throw new NumberFormatException(value);
            }
            return new Quota(new BigDecimal(words[0]), blocking);
        } catch (NumberFormatException | InvalidInput e) {
            throw new InvalidInput(key, key + " is a positive quantity, optionally followed by \"blocking\"");
        }
    }
}
