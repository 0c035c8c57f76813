package org.cloudmarket.subscription.service;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.ZoneId;
import java.util.List;
import org.cloudmarket.catalog.domain.Plan;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.identity.service.Caller;
import org.cloudmarket.shared.error.NotFound;
import org.cloudmarket.shared.paging.CursorQuery;
import org.cloudmarket.shared.paging.Page;
import org.cloudmarket.shared.tenant.TenantContext;
import org.cloudmarket.subscription.domain.PartyScope;
import org.cloudmarket.subscription.domain.Subscription;
import org.cloudmarket.subscription.domain.SubscriptionChange;
import org.cloudmarket.tenancy.domain.Tenant;

/**
 * Lists and reads subscriptions as the caller's {@link PartyScope} allows: the tenant's staff all,
 * a customer its own, a reseller what it sells, a distributor its resellers' sales and a vendor
 * those of its products (both without buyer details). One out of scope is a 404, as one that does not exist.
 */
@Stateless
@PermitAll
public class Subscriptions {

    @Inject
    private EntityManager entityManager;

    @Inject
    private PartyScopes scopes;

    @Inject
    private Lifecycle lifecycle;

    @Inject
    private TenantContext tenantContext;

    @Inject
    private Caller caller;

    public Page<SubscriptionView> list(SubscriptionQuery query) {
        PartyScope scope = scopes.ofCaller();
        ZoneId zone = entityManager.find(Tenant.class, tenantContext.requireTenantId()).getTimeZone();
        List<Subscription> rows = CursorQuery.of("Subscription", "s", scope.jpql("s"), query.page())
                .bindIf(scope.bindsIds(), "scopeIds", scope.ids()).equal("s.deploymentStatus", query.status()).equal("s.type", query.type())
                .within("s.createdAt", query.from() == null ? null : query.from().atStartOfDay(zone).toInstant(),
                        query.to() == null ? null : query.to().plusDays(1).atStartOfDay(zone).toInstant()) // days of the tenant's zone, both included
                .rows(entityManager, Subscription.class);
        boolean buyer = scope.seesBuyerDetails();
        return Page.of(rows, query.page(), Subscription::getId, subscription -> view(subscription, buyer));
    }

    public SubscriptionView read(long id) {
        PartyScope scope = scopes.ofCaller();
        return view(inScope(id, scope), scope.seesBuyerDetails());
    }

    /** The subscription when the caller's scope includes it; otherwise, or when there is none, a 404. */
    public Subscription inScope(long id, PartyScope scope) {
        Subscription subscription = entityManager.find(Subscription.class, id);
        if (subscription == null || !scope.includes(subscription.getCustomerId().orElse(null), subscription.getSellerId().orElse(null),
                subscription.getVendorId())) {
            throw new NotFound("No subscription " + id);
        }
        return subscription;
    }

    /** What the API and the customer's data export show of one subscription, with or without the buyer's details. */
    public SubscriptionView view(Subscription s, boolean buyer) {
        Plan plan = entityManager.find(Plan.class, s.getPlanId());
        List<SubscriptionView.ChangelogEntry> changelog = lifecycle.changelog(s).stream().map(change -> entry(change, buyer)).toList();
        return new SubscriptionView(s.getId(), s.getType(), s.getDeploymentStatus(), s.getProductId(),
                plan == null ? null : plan.getProduct().getName(), s.getPlanId(), plan == null ? null : plan.getName(),
                buyer ? s.getCustomerId().orElse(null) : null, s.getSellerId().orElse(null), s.getCurrency().getCurrencyCode(),
                s.getExtraResources().byCode(), s.getNextExtraResources().map(q -> q.byCode()).orElse(null),
                s.getNextPlanId().orElse(null), s.getPeriodStart(), s.getPeriodEnd(), s.getEndsAt(), s.isAutoRenew(),
                s.getTrialEndsAt().orElse(null), s.isPaid(), s.getOrderId(), s.getBundleOrderId().orElse(null), changelog);
    }

    private static SubscriptionView.ChangelogEntry entry(SubscriptionChange change, boolean buyer) {
        return new SubscriptionView.ChangelogEntry(change.getChangedAt(), buyer ? change.getChangedBy().orElse(null) : null,
                change.getWhat().name(), change.getFromValue().orElse(null), change.getToValue().orElse(null),
                change.getReason().orElse(null), change.getOrderId().orElse(null));
    }
}
