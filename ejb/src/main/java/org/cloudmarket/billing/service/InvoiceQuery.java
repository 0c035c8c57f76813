package org.cloudmarket.billing.service;

import java.time.Instant;
import org.cloudmarket.billing.domain.InvoiceKind;
import org.cloudmarket.billing.domain.InvoiceStatus;
import org.cloudmarket.shared.paging.PageRequest;

/** A page of invoices, newest first, optionally of one status and kind, issued in [from, to). */
public record InvoiceQuery(InvoiceStatus status, InvoiceKind kind, Instant from, Instant to, PageRequest page) {
}
