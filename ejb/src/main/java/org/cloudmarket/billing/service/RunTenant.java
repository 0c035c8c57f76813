package org.cloudmarket.billing.service;

import java.time.Duration;
import java.time.ZoneId;
import org.cloudmarket.billing.domain.BillingSettings;

/** What a billing run's partition reads of its tenant once (BillingRunWork.tenant): its zone, billing settings and usage grace. */
public record RunTenant(ZoneId zone, BillingSettings settings, Duration grace) {
}
