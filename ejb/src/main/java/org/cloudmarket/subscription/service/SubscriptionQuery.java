package org.cloudmarket.subscription.service;

import java.time.LocalDate;
import org.cloudmarket.shared.paging.PageRequest;
import org.cloudmarket.subscription.domain.DeploymentStatus;
import org.cloudmarket.subscription.domain.SubscriptionType;

/** A page of subscriptions: optionally one deployment status, one type, created from the day {@code from} to the day {@code to}, both included, in the tenant's zone. */
public record SubscriptionQuery(PageRequest page, DeploymentStatus status, SubscriptionType type, LocalDate from, LocalDate to) {
}
