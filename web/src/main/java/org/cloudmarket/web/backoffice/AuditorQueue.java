package org.cloudmarket.web.backoffice;

import org.cloudmarket.identity.domain.Role;

/**
 * Which of the orders waiting for approval that a caller sees are its to decide, so that its queue
 * holds only those: DOMAIN's auditor is the reseller on a reseller's storefront (its scope holds its
 * own sales only), the vendor on the marketplace's own (no seller), and the tenant's staff may decide
 * any. Orders.approve and reject apply the rule themselves; this only keeps others' orders out of the queue.
 */
public final class AuditorQueue {

    private AuditorQueue() {
    }

    public static boolean decides(Role role, Long sellerId) {
        if (role == null) {
            return false;
        }
        return switch (role) {
            case ADMIN, SUPERVISOR, RESELLER -> true;
            case VENDOR -> sellerId == null;
            default -> false;
        };
    }
}
