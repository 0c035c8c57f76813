package org.cloudmarket.billing.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cloudmarket.billing.domain.FeePercents;

/**
 * The extra resources' own platform fees of the current tenant (set by its ADMIN through catalog's PlatformFees), read as
 * the marketplace's fee is, when a proceed is priced: what a line keeps is the fee in force when it is billed.
 */
@Dependent
public class FeeOverrides {

    @Inject
    private EntityManager entityManager;

    /** A plan's lines' percentages, the marketplace's where an extra resource has none of its own: one query. */
    public FeePercents of(long planId, BigDecimal marketplace) {
        return new FeePercents(marketplace, byPlan(List.of(planId)).getOrDefault(planId, Map.of()));
    }

    /** Every plan's own percentages by extra-resource code, for a run's partition to read once: one query. */
    public Map<Long, Map<String, BigDecimal>> all() {
        return byPlan(null);
    }

    private Map<Long, Map<String, BigDecimal>> byPlan(List<Long> plans) {
        Map<Long, Map<String, BigDecimal>> byPlan = new HashMap<>();
        var query = entityManager.createQuery("SELECT r.plan.id, r.code, r.platformFeePercent FROM ExtraResource r"
                + " WHERE r.platformFeePercent IS NOT NULL" + (plans == null ? "" : " AND r.plan.id IN :plans"), Object[].class);
        if (plans != null) {
            query.setParameter("plans", plans);
        }
        query.getResultList().forEach(row -> byPlan.computeIfAbsent((Long) row[0], plan -> new HashMap<>()).put((String) row[1], (BigDecimal) row[2]));
        return byPlan;
    }
}
