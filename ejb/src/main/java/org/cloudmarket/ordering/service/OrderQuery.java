package org.cloudmarket.ordering.service;

import java.time.Instant;
import org.cloudmarket.ordering.domain.OrderStatus;
import org.cloudmarket.ordering.domain.OrderType;
import org.cloudmarket.shared.paging.PageRequest;

/** A page of orders, filtered by status, type and creation time in [from, to); null filters take all. */
public record OrderQuery(PageRequest page, OrderStatus status, OrderType type, Instant from, Instant to) {
}
