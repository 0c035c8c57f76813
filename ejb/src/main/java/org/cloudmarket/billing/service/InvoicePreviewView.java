package org.cloudmarket.billing.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What a billing run at {@code at} would bill a subscription (BILLING-CONTRACT, dry run), written nowhere.
 * {@code renewalDue}: the window ends by then and renews; the renewal's own lines are priced from the lists of that day,
 * so they are not in the preview.
 */
public record InvoicePreviewView(long subscriptionId, Instant at, List<Line> lines, BigDecimal total, String currency,
                                 boolean renewalDue) {

    public record Line(Instant periodStart, Instant periodEnd, String component, String kind, String description,
                       BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount, String currency) {
    }
}
