package org.cloudmarket.subscription.domain;

import java.util.Set;

/**
 * Which orders, subscriptions and invoices a caller may see (issue 11: tenant- and channel-scoped
 * lists), as one value every list query and every single read applies: the tenant's staff see
 * all; a customer its own (as buyer); a reseller what it sells (as seller: its customers' pull
 * orders and its own push orders); a distributor what its resellers sell, without the buyers'
 * personal or payment details; a vendor what is bought of its products, without payment details.
 * Tenancy itself is EclipseLink's filter; this is the channel on top of it.
 */
public record PartyScope(Kind kind, Set<Long> ids) {

    public enum Kind {
        /** The tenant's staff. */
        ALL,
        /** Rows whose customer is one of the ids. */
        CUSTOMER,
        /** Rows whose seller (issuer) is one of the ids. */
        SELLER,
        /** Rows whose vendor is one of the ids. */
        VENDOR,
        /** A distributor: rows whose seller is one of its resellers, read without the buyers' details. */
        CHANNEL,
        /** A caller that sees none (an organization-less user of a party role). */
        NONE
    }

    public PartyScope {
        ids = Set.copyOf(ids);
    }

    public static final PartyScope ALL = new PartyScope(Kind.ALL, Set.of());

    public static final PartyScope NONE = new PartyScope(Kind.NONE, Set.of());

    /**
     * A JPQL condition on an entity with {@code customerId}, {@code sellerId} and {@code vendorId}
     * (Order, Subscription; Invoice has no vendor: ask {@link #jpqlWithoutVendor}), using the
     * parameter {@code :scopeIds} when it names one ({@link #bindsIds}).
     */
    public String jpql(String alias) {
        return switch (kind) {
            case ALL -> "1 = 1";
            case NONE -> "1 = 0";
            case CUSTOMER -> alias + ".customerId IN :scopeIds";
            case SELLER, CHANNEL -> alias + ".sellerId IN :scopeIds";
            case VENDOR -> alias + ".vendorId IN :scopeIds";
        };
    }

    public boolean bindsIds() {
        return kind == Kind.CUSTOMER || kind == Kind.SELLER || kind == Kind.VENDOR || kind == Kind.CHANNEL;
    }

    /** Whether one row with these parties is in scope: the single reads' rule, the lists' rule. */
    public boolean includes(Long customerId, Long sellerId, Long vendorId) {
        return switch (kind) {
            case ALL -> true;
            case NONE -> false;
            case CUSTOMER -> customerId != null && ids.contains(customerId);
            case SELLER, CHANNEL -> sellerId != null && ids.contains(sellerId);
            case VENDOR -> vendorId != null && ids.contains(vendorId);
        };
    }

    /** A distributor or vendor reads the rows without the buyer's personal and payment details. */
    public boolean seesBuyerDetails() {
        return kind == Kind.ALL || kind == Kind.CUSTOMER || kind == Kind.SELLER;
    }
}
