package org.cloudmarket.billing.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cloudmarket.billing.domain.BillingSettings;
import org.cloudmarket.billing.domain.Invoice;
import org.cloudmarket.billing.domain.InvoiceKind;
import org.cloudmarket.billing.domain.Proceed;
import org.cloudmarket.catalog.domain.Plan;
import org.cloudmarket.pricing.BillingPeriod;
import org.cloudmarket.subscription.domain.Change;
import org.cloudmarket.subscription.domain.DeploymentStatus;
import org.cloudmarket.subscription.domain.Subscription;
import org.cloudmarket.subscription.service.Lifecycle;
import org.cloudmarket.subscription.service.Provisioning;

/**
 * The first invoice of an order that may be billed (placed without approval, or approved), handed by ordering
 * (BUYING-CONTRACT: FirstInvoiceRequest): the first period's proceeds of each subscription, then one invoice of all of
 * them per (issuer, currency). A self-billed sale gets a PRO_FORMA of its own series instead; a live-reporting tenant
 * no invoice at all. Subscriptions stay WAITING_PAYMENT until the invoice is paid; with nothing to pay (live
 * reporting, a zero total) they go PENDING and on to provisioning at once.
 */
@Dependent
public class FirstInvoices {

    @Inject
    private EntityManager entityManager;

    @Inject
    private PeriodBilling periodBilling;

    @Inject
    private Invoicing invoicing;

    @Inject
    private IssuedInvoices issuedInvoices;

    @Inject
    private BillingTenant billingTenant;

    @Inject
    private Lifecycle lifecycle;

    @Inject
    private Provisioning provisioning;

    /** The invoice (or pro-forma) issued; empty for a live-reporting tenant. With several issuers or currencies, the first issued. */
    public Optional<Invoice> issue(FirstInvoiceRequest request) {
        BillingSettings settings = billingTenant.settings();
        List<Proceed> proceeds = new ArrayList<>();
        for (Subscription subscription : request.subscriptions()) {
            proceeds.addAll(periodBilling.bill(subscription, subscription.getOrderId(),
                    new BillingPeriod(subscription.getPeriodStart(), subscription.getPeriodEnd()), true, request.coupon(),
                    request.pricedAt()));
        }
        if (settings.liveReporting()) {
            // DOMAIN, Decisions: a live-reporting tenant's order skips the first invoice, straight to PENDING
            request.subscriptions().forEach(subscription -> provision(subscription, request.orderId(),
                    "Live reporting: proceeds are reported, not invoiced"));
            return Optional.empty();
        }
        InvoiceKind kind = selfBilled(request, settings) ? InvoiceKind.PRO_FORMA : InvoiceKind.INVOICE;
        List<Invoice> invoices = new ArrayList<>();
        // counters locked in issuer-key order, then by currency: two orders never wait on each other's counters crosswise
        Map<String, List<Proceed>> groups = new LinkedHashMap<>();
        proceeds.stream().filter(proceed -> proceed.getInvoiceId().isEmpty())
                .sorted(Comparator.comparing((Proceed proceed) -> proceed.getSellerId().orElse(0L))
                        .thenComparing(proceed -> proceed.getCurrency().getCurrencyCode()))
                .forEach(proceed -> groups.computeIfAbsent(proceed.getSellerId().orElse(0L) + "/" + proceed.getCurrency(),
                        key -> new ArrayList<>()).add(proceed));
        for (List<Proceed> group : groups.values()) {
            invoices.add(invoicing.issue(kind, group, request.orderId(), Invoicing.Due.AT_ISSUE));
        }
        invoices.forEach(invoice -> issuedInvoices.announce(invoice, request.orderId()));
        return invoices.stream().findFirst();
    }

    /** The marketplace's switch over the plan's flag, or the reseller's sell-out list's (which ordering reports in the request). */
    private boolean selfBilled(FirstInvoiceRequest request, BillingSettings settings) {
        boolean planSelfBilled = request.subscriptions().stream()
                .anyMatch(subscription -> entityManager.find(Plan.class, subscription.getPlanId()).isSelfBilled());
        return settings.selfBilled(planSelfBilled, request.selfBilled());
    }

    private void provision(Subscription subscription, long orderId, String reason) {
        if (subscription.getDeploymentStatus() == DeploymentStatus.WAITING_PAYMENT) {
            lifecycle.record(subscription, reason, orderId, new Change.Status(DeploymentStatus.PENDING));
            provisioning.start(subscription, orderId);
        }
    }
}
