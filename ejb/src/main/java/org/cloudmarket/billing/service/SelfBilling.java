package org.cloudmarket.billing.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import org.cloudmarket.billing.domain.Invoice;
import org.cloudmarket.billing.domain.InvoiceKind;
import org.cloudmarket.billing.domain.OwedFee;
import org.cloudmarket.billing.domain.Proceed;
import org.cloudmarket.billing.domain.SelfBilledFee;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.identity.service.Caller;
import org.cloudmarket.shared.error.Conflict;
import org.cloudmarket.shared.error.NotFound;
import org.cloudmarket.tenancy.domain.Organization;
import org.cloudmarket.tenancy.domain.OrganizationKind;

/**
 * A self-billed pro-forma declared paid (DOMAIN.md, Billing: Self-billing) by who collected it: the plan's vendor when
 * the plan is self-billed, or the reseller that issued it from its self-billed sell-out list. The pro-forma is paid,
 * provisioning starts (InvoiceSettlement, as a bank transfer does), and the fee owed to the owner is recorded
 * ({@link OwedFee}). Anyone else, and any other invoice, is a 404.
 */
@Stateless
@RolesAllowed({Role.Names.VENDOR, Role.Names.RESELLER})
public class SelfBilling {

    /** The declaration's outcome as the declarer sees it: no buyer details (a vendor sees none). */
    public record DeclarationView(long invoiceId, String number, String status, BigDecimal owedFee, String owedFeeCurrency) {
    }

    @Inject
    private EntityManager entityManager;

    @Inject
    private InvoiceSettlement settlement;

    @Inject
    private Caller caller;

    @Inject
    private Clock clock;

    public DeclarationView declare(long invoiceId) {
        Organization declarer = caller.organization();
        Invoice invoice = entityManager.find(Invoice.class, invoiceId);
        if (invoice == null || invoice.getKind() != InvoiceKind.PRO_FORMA) {
            throw new NotFound("No pro-forma " + invoiceId);
        }
        List<Proceed> proceeds = entityManager.createQuery("SELECT p FROM Proceed p WHERE p.invoiceId = :invoice ORDER BY p.id",
                Proceed.class).setParameter("invoice", invoiceId).getResultList();
        SelfBilledFee.Debtor debtor = debtor(declarer, invoice, proceeds);
        settlement.paid(invoice, "Pro-forma " + invoice.getNumber() + " declared paid by " + declarer.getName());
        BigDecimal owed = SelfBilledFee.owed(debtor, proceeds.stream().map(Proceed::chain).toList());
        OwedFee fee = new OwedFee(invoiceId, declarer.getId(), owed, proceeds.get(0).chain().upstreamCurrency(), caller.userId(),
                clock.instant());
        entityManager.persist(fee);
        return new DeclarationView(invoiceId, invoice.getNumber(), invoice.getStatus().name(), owed, fee.getCurrency().getCurrencyCode());
    }

    /** The reseller that issued it, or, for one the tenant issued, the vendor of every line; else not found. */
    private SelfBilledFee.Debtor debtor(Organization declarer, Invoice invoice, List<Proceed> proceeds) {
        if (proceeds.isEmpty()) {
            throw new Conflict("Pro-forma " + invoice.getNumber() + " bills nothing");
        }
        if (declarer.getKind() == OrganizationKind.RESELLER && invoice.getIssuerId().filter(declarer.getId()::equals).isPresent()) {
            return SelfBilledFee.Debtor.RESELLER;
        }
        // a pro-forma the tenant issued is a self-billed plan's (or the marketplace's ENABLED switch): its vendor collected
        boolean vendorsOwnSale = declarer.getKind() == OrganizationKind.VENDOR && invoice.getIssuerId().isEmpty()
                && proceeds.stream().allMatch(proceed -> proceed.getVendorId() == declarer.getId());
        if (vendorsOwnSale) {
            return SelfBilledFee.Debtor.VENDOR;
        }
        throw new NotFound("No pro-forma " + invoice.getId());
    }
}
