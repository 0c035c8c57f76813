package org.cloudmarket.ordering.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.cloudmarket.ordering.domain.Coupon;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.persistence.NativeSql;
import org.cloudmarket.shared.tenant.TenantContext;

/**
 * Spends a coupon in the order's transaction, each by one guarded UPDATE whose row count decides:
 * of orders racing for a one-time coupon exactly one raises {@code uses} from 0 (the others wait
 * for its row lock, then find 1), and an extended trial's budget never goes below 0. They run
 * before the order's rows are written, so no order holds a shared lock on the coupon row (its
 * foreign key) while asking for the exclusive one.
 */
@Dependent
class CouponUses {

    private static final String USE = "UPDATE coupon SET uses = uses + 1 WHERE tenant_id = ? AND id = ? AND (reusable OR uses = 0)";
    private static final String SPEND_TRIAL = "UPDATE coupon SET trial_budget = trial_budget - 1"
            + " WHERE tenant_id = ? AND id = ? AND (trial_budget IS NULL OR trial_budget > 0)";
    // a rejected order's, guarded like the spending: never below 0, a budget only where there is one
    private static final String GIVE_BACK = "UPDATE coupon SET uses = uses - 1 WHERE tenant_id = ? AND id = ? AND uses > 0";
    private static final String GIVE_BACK_TRIAL = "UPDATE coupon SET trial_budget = trial_budget + 1"
            + " WHERE tenant_id = ? AND id = ? AND trial_budget IS NOT NULL";

    @Inject
    private EntityManager entityManager;

    @Inject
    private TenantContext tenantContext;

    void use(Coupon coupon) {
        if (update(USE, coupon) == 0) {
            throw new InvalidInput("couponCode", "Coupon " + coupon.getCode() + " was already used");
        }
    }

    void spendTrialDay(Coupon coupon) {
        if (update(SPEND_TRIAL, coupon) == 0) {
            throw new InvalidInput("couponCode", "The trial budget of coupon " + coupon.getCode() + " is spent");
        }
    }

    /** A rejected order's use, given back in the rejection's transaction. */
    void giveBack(Coupon coupon) {
        update(GIVE_BACK, coupon);
    }

    void giveBackTrialDay(Coupon coupon) {
        update(GIVE_BACK_TRIAL, coupon);
    }

    private int update(String sql, Coupon coupon) {
        return NativeSql.of(entityManager, sql).setParameter(1, tenantContext.requireTenantId()).setParameter(2, coupon.getId())
                .executeUpdate();
    }
}
