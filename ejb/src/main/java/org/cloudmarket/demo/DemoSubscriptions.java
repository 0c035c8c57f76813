package org.cloudmarket.demo;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.Map;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.ordering.domain.OrderType;
import org.cloudmarket.ordering.service.ActingOrders;
import org.cloudmarket.ordering.service.OrderView;
import org.cloudmarket.ordering.service.PlaceOrder;
import org.cloudmarket.shared.tenant.TenantContext;
import org.cloudmarket.tenancy.domain.BillingDetailsInput;

/**
 * A living marketplace on acme and globex (issue 11, Demo data): customers with subscriptions of every
 * kind, bought through the real services, so every rule holds (prices of the storefront chain, first
 * invoices with their numbers and VAT, bank transfers, approval): monthly, yearly billed monthly,
 * hourly, a trial, a reseller's push order (globex has no resellers: its admin's), one waiting for
 * approval, one waiting for payment, one suspended. Each order is a transaction of its own (ActingOrders);
 * the marketplace's own demo buyer is the marker: once it has subscriptions, a start adds nothing.
 */
@Dependent
class DemoSubscriptions {

    /** Who buys what on each tenant, for the banner. */
    static String bannerLines() {
        return String.join(System.lineSeparator(),
                "  demo subscriptions   acme: Rossi Costruzioni (Bright's, customer@acme.test): Nimbus Drive monthly (DEPLOYED),"
                        + " Orbit CRM a year billed monthly,",
                "                       Nimbus Sandbox hourly, Orbit Invoicing STOPPED; Backhaus Weber (Cloudy's): Nimbus Mail Basic"
                        + " (Cloudy's push order),",
                "                       Orbit Forms WAITING_PAYMENT; Studio Bianchi (" + ACME_BUYER + "): a Nimbus Drive TRIAL,"
                        + " Nimbus Mail Pro REQUIRES_APPROVAL",
                "                       globex: Initech (admin's push orders): Hooli Drive monthly, Vandelay CRM a year billed monthly,"
                        + " Hooli Sandbox hourly,",
                "                       Vandelay Invoicing STOPPED, Vandelay Forms WAITING_PAYMENT; Pied Piper (" + GLOBEX_BUYER + "):"
                        + " a Hooli Drive TRIAL, Hooli Mail Pro REQUIRES_APPROVAL");
    }

    static final String ACME_BUYER = "bianchi@acme.test";
    static final String GLOBEX_BUYER = "piper@globex.test";

    @Inject
    private ActingOrders orders;

    @Inject
    private DemoSubscriptionSteps steps;

    @Inject
    private TenantContext tenantContext;

    /** True when the tenant's demo subscriptions were bought now. */
    public boolean populate(long tenantId, String slug) {
        return tenantContext.callAs(tenantId, () -> switch (slug) {
            case "acme" -> acme();
            case "globex" -> globex();
            default -> false;
        });
    }

    private boolean acme() {
        User buyer = steps.marketplaceBuyer("Studio Bianchi", ACME_BUYER, "Bianca Bianchi", new BillingDetailsInput("COMPANY",
                "Studio Bianchi S.r.l.", "Via Roma 3", "Milano", "20121", "IT", "IT01234567897", "01234567897", "ABC1234", null, null, null));
        if (steps.hasSubscriptions(buyer.getOrganization().orElseThrow().getId())) {
            return false;
        }
        User bright = steps.user("reseller@acme.test").orElseThrow();
        User cloudy = steps.user("reseller2@acme.test").orElseThrow();
        long rossi = steps.organization("Rossi Costruzioni");
        long backhaus = steps.organization(DemoCloudyShop.CUSTOMER);
        String admin = "admin@acme.test";
        running(bright, push(steps.plan("nimbus-drive", "Business"), 1, Map.of("seats", 5L), rossi), admin);
        running(bright, push(steps.plan("orbit-crm", "Starter"), 12, Map.of(), rossi), admin);
        running(bright, push(steps.plan("nimbus-sandbox", "Hourly"), 24, Map.of(), rossi), admin);
        steps.suspend(running(bright, push(steps.plan("orbit-invoicing", "Standard"), 1, Map.of(), rossi), admin).subscriptionId());
        running(cloudy, push(steps.plan("nimbus-mail", "Basic"), 1, Map.of(), backhaus), admin);
        orders.place(cloudy, push(steps.plan("orbit-forms", "Pro"), 1, Map.of(), backhaus)); // its invoice waits for the transfer
        orders.place(buyer, pull(steps.plan("nimbus-drive", "Business"), OrderType.TRIAL));
        orders.place(buyer, pull(steps.plan("nimbus-mail", "Pro"), OrderType.NORMAL)); // Mail Pro waits for Nimbus (DemoCloudyShop)
        return true;
    }

    private boolean globex() {
        User buyer = steps.marketplaceBuyer("Pied Piper", GLOBEX_BUYER, "Richard Hendricks", new BillingDetailsInput("COMPANY",
                "Pied Piper Inc.", "5230 Newell Road", "Palo Alto", "94303", "US", "94-3456789", null, null, null, null, null));
        if (steps.hasSubscriptions(buyer.getOrganization().orElseThrow().getId())) {
            return false;
        }
        steps.requireApproval("hooli-mail", "Pro");
        steps.domesticVat("GB", "20");
        String admin = "admin@globex.test";
        User staff = steps.user(admin).orElseThrow();
        long initech = steps.organization("Initech");
        running(staff, push(steps.plan("hooli-drive", "Business"), 1, Map.of("seats", 3L), initech), admin);
        running(staff, push(steps.plan("vandelay-crm", "Starter"), 12, Map.of(), initech), admin);
        running(staff, push(steps.plan("hooli-sandbox", "Hourly"), 24, Map.of(), initech), admin);
        steps.suspend(running(staff, push(steps.plan("vandelay-invoicing", "Standard"), 1, Map.of(), initech), admin).subscriptionId());
        orders.place(staff, push(steps.plan("vandelay-forms", "Pro"), 1, Map.of(), initech)); // its invoice waits for the transfer
        orders.place(buyer, pull(steps.plan("hooli-drive", "Business"), OrderType.TRIAL));
        orders.place(buyer, pull(steps.plan("hooli-mail", "Pro"), OrderType.NORMAL));
        return true;
    }

    /** A paid push order: its first invoice is paid by bank transfer, as the admin records it, so it runs (DEPLOYED). */
    private OrderView running(User seller, PlaceOrder order, String admin) {
        OrderView placed = orders.place(seller, order);
        steps.pay(placed.invoiceId(), admin);
        return placed;
    }

    private static PlaceOrder push(long planId, int duration, Map<String, Long> extras, long customerId) {
        return new PlaceOrder(planId, duration, extras, null, null, customerId, OrderType.NORMAL, null);
    }

    private static PlaceOrder pull(long planId, OrderType type) {
        return new PlaceOrder(planId, 1, Map.of(), null, null, null, type, null);
    }
}
