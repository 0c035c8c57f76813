package org.cloudmarket.ordering.service;

import org.cloudmarket.channel.service.StorefrontChain;
import org.cloudmarket.ordering.domain.OrderSource;
import org.cloudmarket.tenancy.domain.Organization;
import org.cloudmarket.tenancy.domain.Storefront;

/** Who buys (null for a sandbox), from whom (null: the tenant), where, and at which prices. */
record Buyer(OrderSource source, Organization customer, Organization seller, Storefront storefront, StorefrontChain chain) {
}
