package org.cloudmarket.billing.einvoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Date;
import org.cloudmarket.billing.domain.InvoiceDraftLine;
import org.cloudmarket.billing.domain.InvoiceKind;
import org.cloudmarket.billing.domain.Party;
import org.cloudmarket.billing.domain.TaxTreatment;
import org.cloudmarket.billing.pdf.InvoiceDocument;
import org.cloudmarket.shared.error.InvalidInput;
import org.mustangproject.BankDetails;
import org.mustangproject.Invoice;
import org.mustangproject.Item;
import org.mustangproject.Product;
import org.mustangproject.ReferencedDocument;
import org.mustangproject.TradeParty;
import org.mustangproject.ZUGFeRD.Profile;
import org.mustangproject.ZUGFeRD.Profiles;
import org.mustangproject.ZUGFeRD.ZUGFeRD2PullProvider;

/**
 * The one mapping of an issued invoice to EN 16931's semantic model, in Mustang's terms; the CII XML (Factur-X)
 * and, converted from it, the UBL are both written from it, so the two syntaxes cannot disagree.
 * A credit note (UNTDID 1001 code 381) states positive amounts, as EN 16931 wants; its draft holds them negated.
 */
public final class CiiInvoices {

    /** The Factur-X/ZUGFeRD profile of the EN 16931 core, no extension. */
    public static final Profile PROFILE = Profiles.getByName("EN16931");

    /** UN/ECE Recommendation 20 "one" (C62): a line bills a number of periods, hours or units. */
    private static final String UNIT = "C62";

    private CiiInvoices() {
    }

    /** The invoice in EN 16931 terms; a pro-forma is no invoice and has no e-invoice. */
    public static Invoice of(EInvoiceSource source) {
        InvoiceDocument document = source.document();
        if (document.draft().kind() == InvoiceKind.PRO_FORMA) {
            throw new InvalidInput("format", "A pro-forma is no invoice: it has no e-invoice");
        }
        Invoice invoice = new Invoice().setNumber(document.number()).setIssueDate(date(document.issuedOn()))
                .setCurrency(document.draft().currency().getCurrencyCode())
                .setSender(party(document.issuer(), source.issuerIban())).setRecipient(party(document.customer(), null));
        if (source.isCreditNote()) {
            // BT-25 (and BT-26): the invoice this credit note credits
            invoice.setCreditNote().addInvoiceReferencedDocument(source.creditedIssuedOn() == null
                    ? new ReferencedDocument(source.creditedNumber())
                    : new ReferencedDocument(source.creditedNumber(), date(source.creditedIssuedOn())));
            invoice.setPaymentTermDescription("Credited: nothing to pay");
        } else if (document.dueOn() != null) {
            invoice.setDueDate(date(document.dueOn()));
        }
        for (InvoiceDraftLine line : document.draft().lines()) {
            invoice.addItem(item(line, document.draft().note(), source.isCreditNote()));
        }
        return invoice;
    }

    /** The CII XML (Cross Industry Invoice D16B, EN 16931 profile) of the invoice. */
    public static byte[] xml(EInvoiceSource source) {
        ZUGFeRD2PullProvider provider = new ZUGFeRD2PullProvider();
        provider.setProfile(PROFILE);
        provider.generateXML(of(source));
        return provider.getXML();
    }

    private static TradeParty party(Party party, String iban) {
        TradeParty trade = new TradeParty(party.name(), party.address(), party.postalCode(), party.city(), party.country());
        if (party.vatNumber() != null) {
            trade.setVATID(party.vatNumber());
        }
        if (iban != null) {
            trade.addBankDetails(new BankDetails(iban));
        }
        return trade;
    }

    private static Item item(InvoiceDraftLine line, String taxNote, boolean creditNote) {
        BigDecimal quantity = creditNote ? line.quantity().negate() : line.quantity();
        BigDecimal price = line.unitPrice();
        if (price.signum() < 0) {
            // BR-27: an item's net price is never negative; a discount is a negative quantity at a positive price
            quantity = quantity.negate();
            price = price.negate();
        }
        Product product = new Product(line.description(), "", UNIT, line.taxRate()).setTaxCategoryCode(line.taxCategory());
        if (!TaxTreatment.STANDARD.equals(line.taxCategory())) {
            // BR-AE-10, BR-G-10: a line without VAT says why (the legal note the invoice prints)
            product.setTaxExemptionReason(taxNote == null ? exemption(line.taxCategory()) : taxNote);
        }
        return new Item(product, price, quantity);
    }

    private static String exemption(String category) {
        return switch (category) {
            case TaxTreatment.REVERSE_CHARGE -> "Reverse charge";
            case TaxTreatment.EXPORT -> "Export outside the EU";
            default -> "Exempt";
        };
    }

    /** Mustang writes dates in the JVM's zone: noon UTC is the same calendar day in every zone of ±11 hours. */
    private static Date date(LocalDate day) {
        return Date.from(day.atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC));
    }
}
