package org.cloudmarket.billing.domain;

import java.util.Set;
import org.cloudmarket.subscription.domain.PartyScope;

/**
 * Who sees an invoice (issue 11: the customer, the issuer and the tenant's staff, and nobody else): the one rule
 * every list, single read, PDF and payment of invoices applies. From the caller's PartyScope: staff see all, a
 * customer its own, a reseller those it issued. An invoice has no vendor, so a VENDOR scope sees none; a distributor's
 * scope (SELLER over its resellers) sees none either, since it issues nothing to end customers.
 */
public record InvoiceVisibility(PartyScope.Kind kind, Set<Long> ids) {

    public InvoiceVisibility {
        ids = Set.copyOf(ids);
    }

    public static InvoiceVisibility of(PartyScope scope, boolean callerIsDistributor) {
        return switch (scope.kind()) {
            case ALL -> new InvoiceVisibility(PartyScope.Kind.ALL, Set.of());
            case CUSTOMER -> new InvoiceVisibility(PartyScope.Kind.CUSTOMER, scope.ids());
            case SELLER -> callerIsDistributor ? none() : new InvoiceVisibility(PartyScope.Kind.SELLER, scope.ids());
            case VENDOR, NONE -> none();
        };
    }

    private static InvoiceVisibility none() {
        return new InvoiceVisibility(PartyScope.Kind.NONE, Set.of());
    }

    /** A JPQL condition on an Invoice alias, with {@code :scopeIds} when {@link #bindsIds}. */
    public String jpql(String alias) {
        return switch (kind) {
            case ALL -> "1 = 1";
            case CUSTOMER -> alias + ".customerId IN :scopeIds";
            case SELLER -> alias + ".issuerId IN :scopeIds";
            case VENDOR, NONE -> "1 = 0";
        };
    }

    public boolean bindsIds() {
        return kind == PartyScope.Kind.CUSTOMER || kind == PartyScope.Kind.SELLER;
    }

    public boolean includes(Long customerId, Long issuerId) {
        return switch (kind) {
            case ALL -> true;
            case CUSTOMER -> customerId != null && ids.contains(customerId);
            case SELLER -> issuerId != null && ids.contains(issuerId);
            case VENDOR, NONE -> false;
        };
    }
}
