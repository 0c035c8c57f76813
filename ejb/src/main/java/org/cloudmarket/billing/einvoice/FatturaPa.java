package org.cloudmarket.billing.einvoice;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.cloudmarket.billing.domain.InvoiceDraftLine;
import org.cloudmarket.billing.domain.Party;
import org.cloudmarket.billing.domain.TaxSubtotal;
import org.cloudmarket.billing.domain.TaxTreatment;
import org.cloudmarket.billing.pdf.InvoiceDocument;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.tenancy.domain.ItalianCodes;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * FatturaPA 1.2.2 between private parties (FatturaElettronica, FPR12), the XML Italy's exchange system (SDI)
 * takes, for an invoice issued in Italy; any other issuer is refused as {@code format}. Written with the JDK's
 * DOM: no maintained Java model of the format exists, and the XSD (kept in the tests) is the contract.
 * The recipient's SDI code or PEC decides where the SDI delivers; a foreign customer gets the code XXXXXXX.
 */
public final class FatturaPa {

    public static final String NAMESPACE = "http://ivaservizi.agenziaentrate.gov.it/docs/xsd/fatture/v1.2";
    /** Private recipients (B2B, B2C); FPA12 is for the public administration, which the platform does not bill. */
    public static final String FORMAT = "FPR12";
    /** The code of a recipient outside Italy: the SDI keeps the invoice for the Italian tax records only. */
    public static final String FOREIGN_RECIPIENT = "XXXXXXX";
    /** The IdCodice the SDI takes for a foreign party without a VAT number. */
    private static final String NO_FOREIGN_TAX_ID = "99999999999";
    /** Natura N2.1: not subject to Italian VAT, arts. 7 to 7-septies DPR 633/72 (services to an EU business or abroad). */
    private static final String OUT_OF_SCOPE = "N2.1";

    private FatturaPa() {
    }

    public static byte[] xml(EInvoiceSource source) {
        InvoiceDocument invoice = source.document();
        if (!"IT".equals(invoice.issuer().country())) {
            throw new InvalidInput("format", "FatturaPA is Italy's e-invoice: it is only for invoices issued in Italy, and this one's issuer is in "
                    + invoice.issuer().country());
        }
        CiiInvoices.of(source); // the same refusals as the EN 16931 formats (a pro-forma)
        Document xml = document();
        Element root = xml.createElementNS(NAMESPACE, "p:FatturaElettronica");
        root.setAttribute("versione", FORMAT);
        xml.appendChild(root);
        Element header = child(root, "FatturaElettronicaHeader");
        transmission(child(header, "DatiTrasmissione"), invoice);
        issuer(child(header, "CedentePrestatore"), invoice.issuer());
        customer(child(header, "CessionarioCommittente"), invoice.customer());
        body(child(root, "FatturaElettronicaBody"), source);
        return write(xml);
    }

    private static void transmission(Element transmission, InvoiceDocument invoice) {
        Element sender = child(transmission, "IdTrasmittente");
        text(sender, "IdPaese", "IT");
        text(sender, "IdCodice", taxCode(invoice.issuer()));
        text(transmission, "ProgressivoInvio", progressive(invoice.number()));
        text(transmission, "FormatoTrasmissione", FORMAT);
        Party customer = invoice.customer();
        if (!"IT".equals(customer.country())) {
            text(transmission, "CodiceDestinatario", FOREIGN_RECIPIENT);
            return;
        }
        text(transmission, "CodiceDestinatario", customer.sdiCode() == null ? ItalianCodes.NO_SDI_CODE : customer.sdiCode());
        if (customer.pec() != null && (customer.sdiCode() == null || ItalianCodes.NO_SDI_CODE.equals(customer.sdiCode()))) {
            text(transmission, "PECDestinatario", customer.pec());
        }
    }

    private static void issuer(Element issuer, Party party) {
        Element data = child(issuer, "DatiAnagrafici");
        Element vat = child(data, "IdFiscaleIVA");
        text(vat, "IdPaese", "IT");
        text(vat, "IdCodice", taxCode(party));
        if (party.fiscalCode() != null) {
            text(data, "CodiceFiscale", party.fiscalCode());
        }
        text(child(data, "Anagrafica"), "Denominazione", latin(party.name(), 80));
        text(data, "RegimeFiscale", "RF01"); // ordinary VAT regime
        address(child(issuer, "Sede"), party);
    }

    private static void customer(Element customer, Party party) {
        Element data = child(customer, "DatiAnagrafici");
        boolean italian = "IT".equals(party.country());
        if (party.vatNumber() != null || !italian) {
            Element vat = child(data, "IdFiscaleIVA");
            text(vat, "IdPaese", party.country());
            text(vat, "IdCodice", party.vatNumber() == null ? NO_FOREIGN_TAX_ID : taxCode(party));
        }
        if (italian && party.fiscalCode() != null) {
            text(data, "CodiceFiscale", party.fiscalCode());
        }
        text(child(data, "Anagrafica"), "Denominazione", latin(party.name(), 80));
        address(child(customer, "Sede"), party);
    }

    /** An Italian CAP is five digits; a foreign address keeps its postal code in the street line, the CAP 00000. */
    private static void address(Element address, Party party) {
        boolean italianCap = party.postalCode() != null && party.postalCode().matches("\\d{5}");
        text(address, "Indirizzo", latin(italianCap || party.postalCode() == null ? party.address()
                : party.address() + ", " + party.postalCode(), 60));
        text(address, "CAP", italianCap && "IT".equals(party.country()) ? party.postalCode() : "00000");
        text(address, "Comune", latin(party.city(), 60));
        text(address, "Nazione", party.country());
    }

    private static void body(Element body, EInvoiceSource source) {
        InvoiceDocument invoice = source.document();
        boolean credit = source.isCreditNote();
        Element general = child(body, "DatiGenerali");
        Element document = child(general, "DatiGeneraliDocumento");
        text(document, "TipoDocumento", credit ? "TD04" : "TD01");
        text(document, "Divisa", invoice.draft().currency().getCurrencyCode());
        text(document, "Data", invoice.issuedOn().toString());
        text(document, "Numero", invoice.number());
        text(document, "ImportoTotaleDocumento", amount(invoice.draft().total().amount(), credit));
        if (credit) {
            Element credited = child(general, "DatiFattureCollegate");
            text(credited, "IdDocumento", source.creditedNumber());
            if (source.creditedIssuedOn() != null) {
                text(credited, "Data", source.creditedIssuedOn().toString());
            }
        }
        Element goods = child(body, "DatiBeniServizi");
        for (InvoiceDraftLine line : invoice.draft().lines()) {
            Element detail = child(goods, "DettaglioLinee");
            text(detail, "NumeroLinea", Integer.toString(line.position()));
            text(detail, "Descrizione", latin(line.description(), 1000));
            BigDecimal quantity = credit ? line.quantity().negate() : line.quantity();
            // the XSD's quantity is never negative: a negative quantity (a credited period) moves its sign to the price
            BigDecimal unitPrice = quantity.signum() < 0 ? line.unitPrice().negate() : line.unitPrice();
            text(detail, "Quantita", quantity.abs().setScale(Math.max(2, Math.min(8, quantity.stripTrailingZeros().scale())),
                    RoundingMode.UNNECESSARY).toPlainString());
            text(detail, "PrezzoUnitario", unitPrice.setScale(Math.max(2, unitPrice.stripTrailingZeros().scale()), RoundingMode.UNNECESSARY)
                    .toPlainString());
            text(detail, "PrezzoTotale", amount(line.netAmount().amount(), credit));
            text(detail, "AliquotaIVA", rate(line.taxRate()));
            if (!TaxTreatment.STANDARD.equals(line.taxCategory())) {
                text(detail, "Natura", OUT_OF_SCOPE);
            }
        }
        for (TaxSubtotal subtotal : invoice.draft().taxSubtotals()) {
            Element summary = child(goods, "DatiRiepilogo");
            text(summary, "AliquotaIVA", rate(subtotal.rate()));
            boolean standard = TaxTreatment.STANDARD.equals(subtotal.category());
            if (!standard) {
                text(summary, "Natura", OUT_OF_SCOPE);
            }
            text(summary, "ImponibileImporto", amount(subtotal.taxable().amount(), credit));
            text(summary, "Imposta", amount(subtotal.tax().amount(), credit));
            text(summary, "EsigibilitaIVA", "I"); // VAT due at once
            if (!standard && invoice.draft().note() != null) {
                text(summary, "RiferimentoNormativo", latin(invoice.draft().note(), 100));
            }
        }
        if (!credit && invoice.dueOn() != null) {
            payment(child(body, "DatiPagamento"), source, invoice.dueOn());
        }
    }

    private static void payment(Element payment, EInvoiceSource source, LocalDate dueOn) {
        text(payment, "CondizioniPagamento", "TP02"); // paid in full at once
        Element detail = child(payment, "DettaglioPagamento");
        text(detail, "ModalitaPagamento", source.issuerIban() == null ? "MP08" : "MP05"); // card : bank transfer
        text(detail, "DataScadenzaPagamento", dueOn.toString());
        text(detail, "ImportoPagamento", amount(source.document().draft().total().amount(), false));
        if (source.issuerIban() != null) {
            text(detail, "IBAN", source.issuerIban());
        }
    }

    /** A VAT number without its country prefix (the XML states the country apart). */
    private static String taxCode(Party party) {
        String vat = party.vatNumber();
        if (vat == null) {
            return party.fiscalCode() == null ? NO_FOREIGN_TAX_ID : party.fiscalCode();
        }
        return vat.length() > 2 && Character.isLetter(vat.charAt(0)) && Character.isLetter(vat.charAt(1)) ? vat.substring(2) : vat;
    }

    /**
     * At most 10 characters, distinct per issuer: the initials of the number's letter parts (the issuer's prefix,
     * CN for a credit note), the year's last two digits and the counter: NUV-CN-2026-000041 -> NC26000041.
     */
    static String progressive(String number) {
        StringBuilder letters = new StringBuilder();
        StringBuilder digits = new StringBuilder();
        for (String part : number.toUpperCase(Locale.ROOT).split("[^A-Z0-9]+")) {
            if (part.matches("\\d{4}") && digits.length() == 0) {
                digits.append(part.substring(2));
            } else if (part.matches("\\d+")) {
                digits.append(part);
            } else if (!part.isEmpty()) {
                letters.append(part.charAt(0));
            }
        }
        String digitsPart = digits.length() > 10 ? digits.substring(digits.length() - 10) : digits.toString();
        String lettersPart = letters.length() > 10 - digitsPart.length() ? letters.substring(0, 10 - digitsPart.length()) : letters.toString();
        String progressive = lettersPart + digitsPart;
        return progressive.isEmpty() ? "1" : progressive;
    }

    /** The XSD's text fields are Latin-1 and bounded: other characters become '?', the rest is cut. */
    private static String latin(String value, int max) {
        String latin = value.codePoints().mapToObj(c -> c <= 0xFF && !Character.isISOControl(c) ? Character.toString(c) : "?")
                .reduce("", String::concat);
        return latin.length() <= max ? latin : latin.substring(0, max);
    }

    private static String amount(BigDecimal amount, boolean credit) {
        return (credit ? amount.negate() : amount).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String rate(BigDecimal rate) {
        return rate.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static Element child(Element parent, String name) {
        Element element = parent.getOwnerDocument().createElement(name);
        parent.appendChild(element);
        return element;
    }

    private static void text(Element parent, String name, String value) {
        child(parent, name).setTextContent(value);
    }

    private static Document document() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK's XML parser is missing", e);
        }
    }

    private static byte[] write(Document xml) {
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, StandardCharsets.UTF_8.name());
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(xml), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("The FatturaPA XML could not be written", e);
        }
    }
}
