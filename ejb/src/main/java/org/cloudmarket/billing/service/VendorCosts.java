package org.cloudmarket.billing.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.logging.Logger;
import org.cloudmarket.billing.domain.Invoice;
import org.cloudmarket.billing.domain.InvoiceKind;
import org.cloudmarket.billing.domain.Proceed;
import org.cloudmarket.billing.domain.ProceedKind;
import org.cloudmarket.billing.domain.TrialCosts;
import org.cloudmarket.catalog.domain.Plan;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.money.Money;
import org.cloudmarket.subscription.domain.Change;
import org.cloudmarket.subscription.domain.DeploymentStatus;
import org.cloudmarket.subscription.domain.Subscription;
import org.cloudmarket.subscription.domain.SubscriptionType;
import org.cloudmarket.tenancy.domain.Organization;
import org.cloudmarket.tenancy.domain.Tenant;

/**
 * Trial and sandbox costs invoiced to the vendors, month by month (issue 13; DOMAIN, Billing): for the bound tenant
 * and a month that is over in its zone, a TRIAL_COST proceed per trial or sandbox subscription that ran in it (the
 * days as {@link TrialCosts} counts them, at its plan's {@code dailyTrialCost} of the time of invoicing, in the
 * marketplace currency), then one invoice per vendor from the tenant (the vendor organization's billing details,
 * through {@link Invoicing}), mailed to its users. Idempotent: a subscription's month is one proceed (its natural
 * key, uk_proceed_period), and only proceeds no invoice holds yet are invoiced, so a second call adds nothing. A cost
 * of 0 writes no proceed, so a month that costs nothing gives no invoice. A vendor without billing details keeps its
 * proceeds until a later call finds them. Called by the billing schedule (BATCH) with the tenant bound, and by
 * {@link VendorCostRuns} for the ADMIN.
 */
@ApplicationScoped
public class VendorCosts {

    /** The component of a trial cost proceed. */
    public static final String COMPONENT = "trial-cost";

    private static final Logger LOG = Logger.getLogger(VendorCosts.class.getName());

    @Inject
    private EntityManager entityManager;

    @Inject
    private BillingTenant billingTenant;

    @Inject
    private Invoicing invoicing;

    @Inject
    private InvoiceMail mail;

    @Inject
    private Clock clock;

    /** The month's proceeds and invoices; answers the invoices this call issued (none on a second call). */
    @Transactional
    public List<Invoice> invoiceMonth(YearMonth month) {
        Tenant tenant = billingTenant.tenant();
        ZoneId zone = tenant.getTimeZone();
        Instant start = TrialCosts.monthStart(month, zone);
        Instant end = TrialCosts.monthStart(month.plusMonths(1), zone);
        if (end.isAfter(clock.instant())) {
            throw new InvalidInput("month", "month must be over in the marketplace's zone (" + zone + "): " + month + " is not");
        }
        Currency currency = tenant.getDefaultCurrency();
        for (Subscription subscription : candidates(start, end)) {
            accrue(subscription, month, zone, start, end, currency);
        }
        entityManager.flush();
        return invoice(start);
    }

    /** Trials (converted ones too: they keep their trial's end) and sandboxes that existed before the month's end, not yet accrued. */
    private List<Subscription> candidates(Instant start, Instant end) {
        return entityManager.createQuery("SELECT s FROM Subscription s WHERE (s.type IN :types OR s.trialEndsAt IS NOT NULL)"
                        + " AND s.createdAt < :end AND NOT EXISTS (SELECT p FROM Proceed p WHERE p.subscriptionId = s.id"
                        + " AND p.kind = :kind AND p.component = :component AND p.periodStart = :start) ORDER BY s.id", Subscription.class)
                .setParameter("types", List.of(SubscriptionType.TRIAL, SubscriptionType.SANDBOX)).setParameter("end", end)
                .setParameter("kind", ProceedKind.TRIAL_COST).setParameter("component", COMPONENT).setParameter("start", start)
                .getResultList();
    }

    private void accrue(Subscription subscription, YearMonth month, ZoneId zone, Instant start, Instant end, Currency currency) {
        Plan plan = entityManager.find(Plan.class, subscription.getPlanId());
        BigDecimal daily = plan == null ? BigDecimal.ZERO : plan.getDailyTrialCost();
        if (daily.signum() == 0) {
            return;
        }
        int days = TrialCosts.days(TrialCosts.runs(states(subscription)), month, zone);
        Money cost = TrialCosts.cost(days, daily, currency);
        if (cost.amount().signum() == 0) {
            return;
        }
        String description = "Trial costs: " + plan.getProduct().getName() + " " + plan.getName() + ", subscription " + subscription.getId()
                + ", " + days + " days of " + month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + month.getYear();
        entityManager.persist(new Proceed(new Proceed.Parties(subscription.getId(), subscription.getOrderId(), subscription.getVendorId(),
                null, subscription.getVendorId(), null, null, plan.getId()), COMPONENT, ProceedKind.TRIAL_COST, start, end, description,
                BigDecimal.valueOf(days), new Proceed.Chain(currency, daily, cost.amount(), currency, null, null, null, null, null),
                clock.instant()));
    }

    /**
     * Its creation's state, then one per status or type change: what TrialCosts reads the runs from. Read as values,
     * not entities, so that they are the rows' own (the entity cache holds no history to trust for instants).
     */
    private List<TrialCosts.State> states(Subscription subscription) {
        Instant createdAt = entityManager.createQuery("SELECT s.createdAt FROM Subscription s WHERE s.id = :id", Instant.class)
                .setParameter("id", subscription.getId()).getSingleResult();
        List<Object[]> changes = entityManager.createQuery("SELECT c.changedAt, c.what, c.fromValue, c.toValue FROM SubscriptionChange c"
                        + " WHERE c.subscriptionId = :subscription AND c.what IN :whats ORDER BY c.id", Object[].class)
                .setParameter("subscription", subscription.getId()).setParameter("whats", List.of(Change.What.STATUS, Change.What.TYPE))
                .getResultList();
        DeploymentStatus status = changes.stream().filter(change -> change[1] == Change.What.STATUS && change[2] != null).findFirst()
                .map(change -> DeploymentStatus.valueOf((String) change[2])).orElse(subscription.getDeploymentStatus());
        SubscriptionType type = changes.stream().filter(change -> change[1] == Change.What.TYPE && change[2] != null).findFirst()
                .map(change -> SubscriptionType.valueOf((String) change[2])).orElse(subscription.getType());
        List<TrialCosts.State> states = new ArrayList<>();
        states.add(new TrialCosts.State(createdAt, status, type));
        for (Object[] change : changes) {
            String to = (String) change[3];
            if (to == null) {
                continue;
            }
            if (change[1] == Change.What.STATUS) {
                status = DeploymentStatus.valueOf(to);
            } else {
                type = SubscriptionType.valueOf(to);
            }
            states.add(new TrialCosts.State((Instant) change[0], status, type));
        }
        return states;
    }

    /** One invoice per vendor (and currency) of the month's proceeds no invoice holds yet, vendors in id order (all issued by the tenant: one counter). */
    private List<Invoice> invoice(Instant start) {
        Map<List<Object>, List<Proceed>> byVendor = new LinkedHashMap<>();
        entityManager.createQuery("SELECT p FROM Proceed p WHERE p.kind = :kind AND p.component = :component AND p.periodStart = :start"
                        + " AND p.invoiceId IS NULL ORDER BY p.customerId, p.id", Proceed.class)
                .setParameter("kind", ProceedKind.TRIAL_COST).setParameter("component", COMPONENT).setParameter("start", start)
                .getResultStream().forEach(proceed -> byVendor.computeIfAbsent(List.of(proceed.getCustomerId().orElseThrow(),
                        proceed.getCurrency().getCurrencyCode()), key -> new ArrayList<>()).add(proceed));
        List<Invoice> issued = new ArrayList<>();
        for (List<Proceed> proceeds : byVendor.values()) {
            long vendorId = proceeds.get(0).getCustomerId().orElseThrow();
            BigDecimal total = proceeds.stream().map(Proceed::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
            Organization vendor = entityManager.find(Organization.class, vendorId);
            if (total.signum() <= 0) {
                continue;
            }
            if (vendor == null || vendor.getBillingDetails().isEmpty()) {
                LOG.warning("Vendor " + vendorId + " has no billing details: its trial costs wait for a later run");
                continue;
            }
            Invoice invoice = invoicing.issue(InvoiceKind.INVOICE, proceeds, null, Invoicing.Due.PAYMENT_TERMS);
            mail.issued(invoice);
            issued.add(invoice);
        }
        return issued;
    }
}
