package org.cloudmarket.demo;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import org.cloudmarket.tenancy.domain.BillingDetails;
import org.cloudmarket.shared.tenant.TenantContext;
import org.cloudmarket.tenancy.domain.BillingDetailsInput;
import org.cloudmarket.tenancy.domain.BillingDetailsRules;
import org.cloudmarket.tenancy.domain.Organization;
import org.cloudmarket.tenancy.domain.OrganizationKind;
import org.cloudmarket.tenancy.domain.Tenant;

/**
 * Billing details of the demo's sellers, vendors and customers: the marketplace owners, the
 * distributors and resellers, the vendors, Rossi Costruzioni (an Italian company, with what its
 * e-invoices need) and Initech. Runs as the tenant at every start and fills only what is empty, so
 * a database seeded before billing details existed gets them too, and nothing anyone edited is
 * overwritten. Every value passes BillingDetailsRules, as a client's would.
 */
@Dependent
@Transactional
class DemoBillingDetails {

    private record Party(OrganizationKind kind, String name, BillingDetailsInput details) {
    }

    private static final List<Party> ACME = List.of(
            seller(OrganizationKind.VENDOR, "Nimbus Software", "Nimbus Software B.V.", "Keizersgracht 120", "Amsterdam", "1015 CW", "NL",
                    "NL123456789B01", "NL91ABNA0417164300", "NIMBUS"),
            seller(OrganizationKind.VENDOR, "Orbit Labs", "Orbit Labs SAS", "12 rue de la Paix", "Paris", "75002", "FR",
                    "FR40303265045", "FR1420041010050500013M02606", "ORBIT"),
            seller(OrganizationKind.VENDOR, "Quanta Apps", "Quanta Apps S.L.", "Calle de Alcala 50", "Madrid", "28014", "ES",
                    "ESB12345678", "ES9121000418450200051332", "QUANTA"),
            seller(OrganizationKind.DISTRIBUTOR, "Alpine Distribution", "Alpine Distribution GmbH", "Mariahilfer Strasse 20", "Wien", "1070",
                    "AT", "ATU12345678", "AT611904300234573201", "ALP"),
            seller(OrganizationKind.DISTRIBUTOR, "Boreal Distribution", "Boreal Distribution AS", "Karl Johans gate 5", "Oslo", "0154", "NO",
                    "NO123456789MVA", "NO9386011117947", "BOR"),
            seller(OrganizationKind.RESELLER, "Bright IT Reseller", "Bright IT S.r.l.", "Corso Vittorio Emanuele II 15", "Torino", "10123",
                    "IT", "IT09251746385", "IT75A0200801633000105588001", "BRIGHT"),
            seller(OrganizationKind.RESELLER, "Cloudy Partners", "Cloudy Partners GmbH", "Friedrichstrasse 100", "Berlin", "10117", "DE",
                    "DE123456789", "DE89370400440532013000", "CLOUDY"),
            new Party(OrganizationKind.CUSTOMER, "Rossi Costruzioni", new BillingDetailsInput("COMPANY", "Rossi Costruzioni S.r.l.",
                    "Via Garibaldi 12", "Torino", "10122", "IT", "IT11847263503", "11847263503", "M5UXCR1", "rossicostruzioni@pec.example.it",
                    null, null)),
            new Party(OrganizationKind.CUSTOMER, DemoCloudyShop.CUSTOMER, new BillingDetailsInput("COMPANY", "Backhaus Weber GmbH",
                    "Unter den Linden 5", "Berlin", "10117", "DE", "DE811907980", null, null, null, null, null)));

    /** The marketplace owners themselves. */
    private static final Map<String, BillingDetailsInput> OWNERS = Map.of(
            "acme", new BillingDetailsInput("COMPANY", "Acme Cloud Marketplace S.p.A.", "Via Monte Napoleone 8", "Milano", "20121", "IT",
                    "IT07382910458", "07382910458", null, "amministrazione@pec.acme.example.it", "IT76X0306909606100000063291", "ACME"),
            "globex", new BillingDetailsInput("COMPANY", "Globex Exchange Ltd", "10 Finsbury Square", "London", "EC2A 1AF", "GB",
                    "GB987654321", null, null, null, "GB86LOYD30963812345678", "GLOBEX"));

    private static final List<Party> GLOBEX = List.of(
            seller(OrganizationKind.VENDOR, "Hooli Cloud", "Hooli Cloud Ltd", "1 Silicon Way", "London", "EC2A 4BX", "GB", "GB123456789",
                    "GB60BARC20000055779911", "HOOLI"),
            seller(OrganizationKind.VENDOR, "Vandelay Industries", "Vandelay Industries Ltd", "129 West 81st Street", "Dublin", "D02 X285", "IE",
                    "IE1234567WA", "IE29AIBK93115212345678", "VANDELAY"),
            new Party(OrganizationKind.CUSTOMER, "Initech", new BillingDetailsInput("COMPANY", "Initech LLC", "4120 Freidrich Lane",
                    "Austin", "78744", "US", "74-1234567", null, null, null, null, null)));

    @Inject
    private EntityManager entityManager;

    @Inject
    private TenantContext tenantContext;

    /** Fills the empty billing details of the tenant and its demo parties; true when anything was filled. */
    public boolean fill(String slug) {
        boolean filled = false;
        Tenant tenant = entityManager.find(Tenant.class, tenantContext.requireTenantId());
        BillingDetailsInput owner = OWNERS.get(slug);
        if (owner == null) {
            return false;
        }
        if (tenant.getBillingDetails().isEmpty()) {
            tenant.changeBillingDetails(BillingDetailsRules.seller(owner));
            filled = true;
        }
        for (Party party : switch (slug) {
            case "acme" -> ACME;
            case "globex" -> GLOBEX;
            default -> List.<Party>of();
        }) {
            filled |= fill(party);
        }
        return filled;
    }

    private boolean fill(Party party) {
        return entityManager.createQuery("SELECT o FROM Organization o WHERE o.kind = :kind AND o.name = :name", Organization.class)
                .setParameter("kind", party.kind()).setParameter("name", party.name()).getResultStream().findFirst()
                .filter(organization -> organization.getBillingDetails().isEmpty())
                .map(organization -> {
                    organization.changeBillingDetails(party.kind() == OrganizationKind.CUSTOMER
                            ? BillingDetailsRules.customer(party.details()) : BillingDetailsRules.seller(party.details()));
                    return true;
                }).orElse(false);
    }

    /** Every demo value through the rules, as seeding will run them: a unit test calls this. */
    static List<BillingDetails> checkAll() {
        List<BillingDetails> all = new java.util.ArrayList<>();
        OWNERS.values().forEach(owner -> all.add(BillingDetailsRules.seller(owner)));
        java.util.stream.Stream.concat(ACME.stream(), GLOBEX.stream()).forEach(party -> all.add(party.kind() == OrganizationKind.CUSTOMER
                ? BillingDetailsRules.customer(party.details()) : BillingDetailsRules.seller(party.details())));
        return all;
    }

    private static Party seller(OrganizationKind kind, String name, String legalName, String address, String city, String postalCode,
                                String country, String vatNumber, String iban, String invoicePrefix) {
        return new Party(kind, name, new BillingDetailsInput("COMPANY", legalName, address, city, postalCode, country, vatNumber,
                null, null, null, iban, invoicePrefix));
    }
}
