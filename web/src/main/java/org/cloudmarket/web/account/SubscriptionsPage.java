package org.cloudmarket.web.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.cloudmarket.catalog.service.ExtraResourceView;
import org.cloudmarket.channel.service.StorefrontCatalog;
import org.cloudmarket.metering.service.UsageViews;
import org.cloudmarket.ordering.domain.OrderType;
import org.cloudmarket.ordering.service.ChangeCommand;
import org.cloudmarket.ordering.service.OrderView;
import org.cloudmarket.ordering.service.SubscriptionChanges;
import org.cloudmarket.shared.error.DomainException;
import org.cloudmarket.shared.error.NotFound;
import org.cloudmarket.shared.paging.PageRequest;
import org.cloudmarket.subscription.domain.DeploymentStatus;
import org.cloudmarket.subscription.service.SubscriptionQuery;
import org.cloudmarket.subscription.service.SubscriptionView;
import org.cloudmarket.subscription.service.Subscriptions;
import org.cloudmarket.web.backoffice.PageMessages;
import org.cloudmarket.web.catalog.PurchaseChoices;

/**
 * The customer's subscriptions (/account/subscriptions.xhtml): status, period, auto-renew and
 * changelog of each, and its changes (extra resources, unsubscribe, terminate), each an order of
 * its own through SubscriptionChanges. The services decide what is allowed; the page shows why not.
 */
@Named
@RequestScoped
public class SubscriptionsPage {

    @Inject
    private Subscriptions subscriptions;

    @Inject
    private SubscriptionChanges changes;

    @Inject
    private StorefrontCatalog catalog;

    @Inject
    private UsageViews usageViews;

    private List<SubscriptionView> rows;
    /** The quantities asked per subscription and extra resource code, filled with the current ones. */
    private final Map<Long, Map<String, Long>> quantities = new HashMap<>();
    private final Map<Long, List<String>> planExtras = new HashMap<>();
    private final Map<Long, Boolean> meteredPlans = new HashMap<>();

    /** The newest hundred: a customer's whole list in practice; the API pages further. */
    public List<SubscriptionView> getSubscriptions() {
        if (rows == null) {
            rows = subscriptions.list(new SubscriptionQuery(new PageRequest(null, PageRequest.MAX_LIMIT), null, null, null, null)).items();
            for (SubscriptionView s : rows) {
                Map<String, Long> asked = new LinkedHashMap<>();
                codes(s).forEach(code -> asked.put(code, s.extraResources().getOrDefault(code, 0L)));
                quantities.put(s.id(), asked);
            }
        }
        return rows;
    }

    /** The chosen (prepaid or post-paid) extra resources one may change: those held and those the plan still offers here. */
    public List<String> codes(SubscriptionView s) {
        TreeSet<String> codes = new TreeSet<>(s.extraResources().keySet());
        codes.addAll(planExtras.computeIfAbsent(s.planId(), this::chosenOnSale));
        return List.copyOf(codes);
    }

    private List<String> chosenOnSale(long planId) {
        try {
            return catalog.byPlan(planId).plans().stream().filter(plan -> plan.id() == planId)
                    .flatMap(plan -> PurchaseChoices.chosenExtras(plan).stream()).map(ExtraResourceView::code).toList();
        } catch (NotFound retired) {
            return List.of();
        }
    }

    /** Whether the plan has pay-per-use metrics: the subscription has a usage dashboard (issue 12). */
    public boolean metered(SubscriptionView s) {
        return meteredPlans.computeIfAbsent(s.planId(), usageViews::metered);
    }

    /** Whether the subscription runs (or waits to): one may change or end it. */
    public boolean live(SubscriptionView s) {
        return !s.deploymentStatus().isFinal() && s.deploymentStatus() != DeploymentStatus.UNDEPLOY_SENT;
    }

    public void changeExtras(long subscriptionId) {
        order(subscriptionId, new ChangeCommand(OrderType.BILLING_ITEM_UPGRADE, Map.copyOf(quantities.getOrDefault(subscriptionId, Map.of())),
                null, null));
    }

    public void unsubscribe(long subscriptionId) {
        order(subscriptionId, new ChangeCommand(OrderType.UNSUBSCRIBE, null, null, null));
    }

    public void terminate(long subscriptionId) {
        order(subscriptionId, new ChangeCommand(OrderType.TERMINATION, null, null, null));
    }

    private void order(long subscriptionId, ChangeCommand command) {
        try {
            OrderView order = changes.change(subscriptionId, command);
            PageMessages.done(MessageFormat.format(PageMessages.text("subscriptions.changed"), String.valueOf(order.id()),
                    PageMessages.text("orderStatus." + order.status())));
            rows = null;
            quantities.clear();
        } catch (DomainException refused) {
            PageMessages.refused(refused);
        }
    }

    public Map<Long, Map<String, Long>> getQuantities() {
        getSubscriptions();
        return quantities;
    }
}
