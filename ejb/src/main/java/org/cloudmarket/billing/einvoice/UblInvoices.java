package org.cloudmarket.billing.einvoice;

import com.helger.cii.d16b.CIID16BCrossIndustryInvoiceTypeMarshaller;
import com.helger.commons.error.list.ErrorList;
import com.helger.en16931.cii2ubl.CIIToUBL21Converter;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.ByteArrayOutputStream;
import java.io.Serializable;
import oasis.names.specification.ubl.schema.xsd.creditnote_21.CreditNoteType;
import oasis.names.specification.ubl.schema.xsd.invoice_21.InvoiceType;
import un.unece.uncefact.data.standard.crossindustryinvoice._100.CrossIndustryInvoiceType;

/**
 * UBL 2.1 Invoice or CreditNote of an issued invoice: its CII ({@link CiiInvoices}) converted by ph-ubl's
 * EN 16931 CII-to-UBL mapping (en16931-cii2ubl), so UBL and Factur-X carry the same semantic invoice.
 */
public final class UblInvoices {

    /** EN 16931 core, no CIUS: the customization every EN 16931 reader accepts. */
    public static final String CUSTOMIZATION = "urn:cen.eu:en16931:2017";

    private UblInvoices() {
    }

    public static byte[] xml(EInvoiceSource source) {
        CrossIndustryInvoiceType cii = new CIID16BCrossIndustryInvoiceTypeMarshaller().read(CiiInvoices.xml(source));
        if (cii == null) {
            throw new IllegalStateException("The CII of invoice " + source.document().number() + " does not read back");
        }
        ErrorList errors = new ErrorList();
        Serializable ubl = new CIIToUBL21Converter().setCustomizationID(CUSTOMIZATION)
                .convertCIItoUBL(cii, errors);
        if (errors.containsAtLeastOneError() || ubl == null) {
            throw new IllegalStateException("Invoice " + source.document().number() + " has no UBL: " + errors.getAllErrors());
        }
        if (ubl instanceof CreditNoteType creditNote) {
            creditedInvoice(creditNote);
        }
        return ubl instanceof CreditNoteType creditNote
                ? write(CreditNoteType.class, new oasis.names.specification.ubl.schema.xsd.creditnote_21.ObjectFactory().createCreditNote(creditNote))
                : write(InvoiceType.class, new oasis.names.specification.ubl.schema.xsd.invoice_21.ObjectFactory().createInvoice((InvoiceType) ubl));
    }

    /**
     * BT-25, the invoice a credit note credits, is an InvoiceDocumentReference (BR-55, UBL-SR-07); the converter
     * files a credit note's reference as a CreditNoteDocumentReference, which the EN 16931 rules do not read.
     */
    private static void creditedInvoice(CreditNoteType creditNote) {
        creditNote.getBillingReference().forEach(reference -> {
            if (reference.getInvoiceDocumentReference() == null && reference.getCreditNoteDocumentReference() != null) {
                reference.setInvoiceDocumentReference(reference.getCreditNoteDocumentReference());
                reference.setCreditNoteDocumentReference(null);
            }
        });
    }

    /**
     * Plain Jakarta XML Binding (the server's own): ph-jaxb's writer, beside another JAXB runtime than the one it was
     * built with, left the prefixes of the elements undeclared.
     */
    private static <T> byte[] write(Class<T> type, JAXBElement<T> document) {
        try {
            Marshaller marshaller = JAXBContext.newInstance(type).createMarshaller();
            marshaller.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            marshaller.marshal(document, out);
            return out.toByteArray();
        } catch (JAXBException e) {
            throw new IllegalStateException("UBL not written", e);
        }
    }
}
