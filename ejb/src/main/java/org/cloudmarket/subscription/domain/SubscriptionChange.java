package org.cloudmarket.subscription.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import org.cloudmarket.shared.persistence.TenantOwned;

/** One line of a subscription's changelog: who (null: the platform itself), when, what, from, to, why. */
@Entity
@Table(name = "subscription_change")
@jakarta.persistence.NamedQuery(name = SubscriptionChange.OF_SUBSCRIPTION,
        query = "SELECT c FROM SubscriptionChange c WHERE c.subscriptionId = :subscription ORDER BY c.id")
public class SubscriptionChange extends TenantOwned {

    public static final String OF_SUBSCRIPTION = "SubscriptionChange.ofSubscription";

    @Column(name = "subscription_id")
    private Long subscriptionId;

    @Column(name = "changed_at")
    private Instant changedAt;

    @Column(name = "changed_by")
    private Long changedBy;

    @Enumerated(EnumType.STRING)
    private Change.What what;

    @Column(name = "from_value")
    private String fromValue;

    @Column(name = "to_value")
    private String toValue;

    private String reason;

    @Column(name = "order_id")
    private Long orderId;

    protected SubscriptionChange() {
    }

    public SubscriptionChange(long subscriptionId, Instant changedAt, Long changedBy, Change.Applied applied, String reason, Long orderId) {
        this.subscriptionId = subscriptionId;
        this.changedAt = changedAt;
        this.changedBy = changedBy;
        this.what = applied.what();
        this.fromValue = applied.from();
        this.toValue = applied.to();
        this.reason = reason;
        this.orderId = orderId;
    }

    public long getSubscriptionId() {
        return subscriptionId;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public Optional<Long> getChangedBy() {
        return Optional.ofNullable(changedBy);
    }

    public Change.What getWhat() {
        return what;
    }

    public Optional<String> getFromValue() {
        return Optional.ofNullable(fromValue);
    }

    public Optional<String> getToValue() {
        return Optional.ofNullable(toValue);
    }

    public Optional<String> getReason() {
        return Optional.ofNullable(reason);
    }

    public Optional<Long> getOrderId() {
        return Optional.ofNullable(orderId);
    }
}
