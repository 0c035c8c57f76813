package org.cloudmarket.ordering.domain;

import java.util.Objects;
import org.cloudmarket.identity.domain.Role;

/**
 * Who may act on a sale (an order, or the subscription it made), one rule in one place: who decides
 * an order waiting for approval, and who asks for a change of its subscription. Who may only read
 * it is PartyScope's; someone who reads a sale but may not act on it gets a 403.
 */
public final class SaleActors {

    /** The caller: its role and organization (null for the tenant's staff). */
    public record Actor(Role role, Long organizationId) {
    }

    /** The sale's parties: the customer, the seller (null: the tenant), whether that seller is a reseller, the vendor. */
    public record Sale(Long customerId, Long sellerId, boolean soldByReseller, Long vendorId) {
    }

    private SaleActors() {
    }

    /** The auditor (DOMAIN, Approval workflow): the reseller when sold on its storefront, the vendor otherwise; staff always. */
    public static boolean decides(Actor actor, Sale sale) {
        if (actor.role().isTenantStaff()) {
            return true;
        }
        return sale.soldByReseller()
                ? actor.role() == Role.RESELLER && Objects.equals(sale.sellerId(), actor.organizationId())
                : actor.role() == Role.VENDOR && actor.organizationId() != null && Objects.equals(sale.vendorId(), actor.organizationId());
    }

    /** A change: the customer itself, the seller that sold it, or the tenant's ADMIN (a vendor only reads its sales). */
    public static boolean changes(Actor actor, Sale sale) {
        if (actor.role() == Role.ADMIN) {
            return true;
        }
        Long org = actor.organizationId();
        return org != null && (org.equals(sale.customerId()) || org.equals(sale.sellerId()));
    }
}
