package org.cloudmarket.metering.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.cloudmarket.metering.domain.MeteredSubscription;
import org.cloudmarket.pricing.BillingUnit;
import org.cloudmarket.shared.persistence.InstantConverter;
import org.cloudmarket.shared.tenant.TenantContext;
import org.cloudmarket.subscription.domain.DeploymentStatus;
import org.cloudmarket.subscription.domain.PriceSnapshot;

/**
 * The subscriptions a batch of readings is kept for, read under a shared lock on their rows until the batch commits
 * (second review 12, (c)): the one lock order of a subscription's usage is its row, then its series' rows (a plan change
 * locks the row before it writes, a fold takes it in share mode before its series). Read so, a batch never keys a
 * reading by a plan that a change committing meanwhile replaced: a locking read sees the latest committed row and waits
 * for a change still running. A narrow projection: the database picks the billing unit and frequency out of the price
 * snapshot, whose JSON is most of the row (issue 12, "Performance").
 */
@Dependent
class MeteredSubscriptions {

    private static final String LOCKED = "SELECT id, vendor_id, plan_id, deployment_status, created_at, trial_ends_at, ends_at, anchor_at,"
            + " JSON_VALUE(prices, '" + PriceSnapshot.SELL_OUT_UNIT + "'), JSON_VALUE(prices, '" + PriceSnapshot.SELL_OUT_FREQUENCY + "')"
            + " FROM subscription WHERE tenant_id = ? AND id IN (%s) ORDER BY id LOCK IN SHARE MODE";

    @Inject
    private MeteringSql sql;

    @Inject
    private TenantContext tenantContext;

    /** Those of the bound tenant among {@code ids}, in id order (so that two batches lock the same rows in the same order). */
    List<MeteredSubscription> locked(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object> parameters = new ArrayList<>(List.of(tenantContext.requireTenantId()));
        parameters.addAll(ids);
        return sql.query(LOCKED.formatted(String.join(", ", Collections.nCopies(ids.size(), "?"))), parameters, row -> {
            String unit = row.getString(9);
            String frequency = row.getString(10);
            if (unit == null || frequency == null) {
                throw new IllegalStateException("The price snapshot of subscription " + row.getLong(1) + " names no billing unit or frequency");
            }
            return new MeteredSubscription(row.getLong(1), row.getLong(2), row.getLong(3), DeploymentStatus.valueOf(row.getString(4)),
                    instant(row, 5), Optional.ofNullable(instant(row, 6)), instant(row, 7), instant(row, 8), BillingUnit.valueOf(unit),
                    Integer.parseInt(frequency));
        });
    }

    private static java.time.Instant instant(java.sql.ResultSet row, int column) throws java.sql.SQLException {
        return InstantConverter.instant(row.getObject(column, LocalDateTime.class));
    }
}
