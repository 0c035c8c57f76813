package org.cloudmarket.billing.domain;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cloudmarket.pricing.PlatformFee;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.money.Decimals;

/**
 * The marketplace settings billing reads (Tenant.settings, BUYING-CONTRACT "Marketplace settings"), with their
 * defaults when absent: one place that knows the keys, so a typo in a key is a test failure, not a silent default.
 */
public record BillingSettings(BigDecimal platformFeePercent, SelfBillingMode selfBilling, boolean liveReporting,
                              int paymentTermsDays, int daysAfterFirstPaymentExpires, int sleepDays, int delayDays,
                              List<Integer> renewalReminderDays) {

    public static final String PLATFORM_FEE = "billing.platformFee";
    public static final String SELF_BILLING = "billing.selfBilling";
    public static final String LIVE_REPORTING = "billing.liveReporting";
    public static final String PAYMENT_TERMS_DAYS = "billing.paymentTermsDays";
    public static final String DAYS_AFTER_FIRST_PAYMENT_EXPIRES = "billing.daysAfterFirstPaymentExpires";
    /** DOMAIN.md, Orders: an unpaid invoice's subscription is STOPPED this many days after the due date (default 2). */
    public static final String SLEEP_DAYS = "billing.sleepDays";
    /** DOMAIN.md, Orders and Decisions: ... and UNDEPLOY_SENT this many days after the due date (default 3; never before sleepDays). */
    public static final String DELAY_DAYS = "billing.delayDays";
    /** DOMAIN.md, Renewal: the days before expiry a manual renewal is reminded of, comma-separated (default 14,10,7,4,3,2,1). */
    public static final String RENEWAL_REMINDER_DAYS = "billing.renewalReminderDays";
    static final String DEFAULT_RENEWAL_REMINDER_DAYS = "14,10,7,4,3,2,1";

    /** DOMAIN.md, Billing: ENABLED makes every sale self-billed, DISABLED none, PER_PLAN follows the plan's (or sell-out list's) flag. */
    public enum SelfBillingMode { PER_PLAN, ENABLED, DISABLED }

    public static BillingSettings of(Map<String, String> settings) {
        BigDecimal fee = PlatformFee.percent(PLATFORM_FEE, Decimals.parse(PLATFORM_FEE, settings.getOrDefault(PLATFORM_FEE, "0")));
        SelfBillingMode mode;
        try {
            mode = SelfBillingMode.valueOf(settings.getOrDefault(SELF_BILLING, "PER_PLAN").strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(SELF_BILLING, SELF_BILLING + " is PER_PLAN, ENABLED or DISABLED");
        }
        int sleepDays = days(settings, SLEEP_DAYS, 2);
        int delayDays = days(settings, DELAY_DAYS, 3);
        if (delayDays < sleepDays) {
            throw new InvalidInput(DELAY_DAYS, DELAY_DAYS + " counts from the due date too: at least " + SLEEP_DAYS + " (" + sleepDays + ")");
        }
        return new BillingSettings(fee, mode, Boolean.parseBoolean(settings.getOrDefault(LIVE_REPORTING, "false").strip()),
                days(settings, PAYMENT_TERMS_DAYS, 30), days(settings, DAYS_AFTER_FIRST_PAYMENT_EXPIRES, 3), sleepDays, delayDays,
                reminderDays(settings.getOrDefault(RENEWAL_REMINDER_DAYS, DEFAULT_RENEWAL_REMINDER_DAYS)));
    }

    /** Distinct days from 1 to 365, largest first; blank means no reminders. */
    private static List<Integer> reminderDays(String value) {
        if (value.isBlank()) {
            return List.of();
        }
        try {
            List<Integer> days = Arrays.stream(value.split(",")).map(String::strip).map(Integer::parseInt).distinct()
                    .sorted(Comparator.reverseOrder()).toList();
            if (days.stream().anyMatch(day -> day < 1 || day > 365)) {
                throw new NumberFormatException(value);
            }
            return days;
        } catch (NumberFormatException e) {
            throw new InvalidInput(RENEWAL_REMINDER_DAYS, RENEWAL_REMINDER_DAYS + " is a list of days from 1 to 365, like "
                    + DEFAULT_RENEWAL_REMINDER_DAYS);
        }
    }

    /** Whether a sale is self-billed: the marketplace's switch over the plan's flag or the reseller's sell-out list's. */
    public boolean selfBilled(boolean planSelfBilled, boolean sellOutListSelfBilled) {
        return switch (selfBilling) {
            case ENABLED -> true;
            case DISABLED -> false;
            case PER_PLAN -> planSelfBilled || sellOutListSelfBilled;
        };
    }

    private static int days(Map<String, String> settings, String key, int fallback) {
        String value = settings.get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int days = Integer.parseInt(value.strip());
            if (days < 0 || days > 3650) {
                throw new NumberFormatException(value);
            }
            return days;
        } catch (NumberFormatException e) {
            throw new InvalidInput(key, key + " is a number of days from 0 to 3650");
        }
    }
}
