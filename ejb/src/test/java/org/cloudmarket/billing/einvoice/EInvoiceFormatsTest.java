package org.cloudmarket.billing.einvoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.xpath.XPathFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.cloudmarket.billing.domain.BillableItem;
import org.cloudmarket.billing.domain.InvoiceDraft;
import org.cloudmarket.billing.domain.InvoiceGenerator;
import org.cloudmarket.billing.domain.InvoiceInput;
import org.cloudmarket.billing.domain.InvoiceKind;
import org.cloudmarket.billing.domain.InvoiceStatus;
import org.cloudmarket.billing.domain.Party;
import org.cloudmarket.billing.domain.ProceedKind;
import org.cloudmarket.billing.domain.TaxTreatment;
import org.cloudmarket.billing.pdf.InvoiceDocument;
import org.cloudmarket.billing.pdf.InvoicePdf;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.tenancy.domain.PartyKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

/**
 * Each export of a domestic invoice, a reverse-charge EU B2B invoice, an export outside the EU and a credit note,
 * checked by the standards' own files: the XSDs and CEN's EN 16931 Schematron rules for UBL and CII (Factur-X),
 * the FatturaPA XSD. Amounts are also read back: a valid document with other totals than the invoice is wrong too.
 */
class EInvoiceFormatsTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final String IBAN = "IT60X0542811101000000123456";
    private static final Party ISSUER_IT = new Party("Nuvola Italia S.r.l.", PartyKind.COMPANY, "Via Torino 10", "Milano", "20123", "IT",
            "IT12345678903", null, null, null);
    private static final Party ISSUER_DE = new Party("Wolke Markt GmbH", PartyKind.COMPANY, "Hauptstr. 1", "Berlin", "10115", "DE",
            "DE123456789", null, null, null);
    private static final Party ROSSI_IT = new Party("Rossi Servizi S.r.l.", PartyKind.COMPANY, "Via Roma 1", "Roma", "00184", "IT",
            "IT09876543217", "09876543217", "M5UXCR1", null);
    private static final Party VERDI_IT_PEC = new Party("Giuseppe Verdi", PartyKind.PERSON, "Via Verdi 2", "Parma", "43121", "IT",
            null, "RSSMRA80A01H501U", null, "verdi@pec.example.it");
    private static final Party WOLKE_DE = new Party("Wolke GmbH", PartyKind.COMPANY, "Torstr. 5", "Berlin", "10119", "DE",
            "DE987654321", null, null, null);
    private static final Party CLOUDY_US = new Party("Cloudy Inc.", PartyKind.COMPANY, "5th Avenue 1", "New York", "NY 10001", "US",
            null, null, null, null);

    private static final TaxTreatment VAT_22 = TaxTreatment.standard(new BigDecimal("22"));
    private static final TaxTreatment REVERSE_CHARGE = new TaxTreatment(BigDecimal.ZERO, TaxTreatment.REVERSE_CHARGE,
            "Reverse charge: VAT due by the customer (art. 196 Directive 2006/112/EC)");
    private static final TaxTreatment EXPORT = new TaxTreatment(BigDecimal.ZERO, TaxTreatment.EXPORT,
            "Not subject to VAT: service supplied outside the EU (art. 7-ter DPR 633/72)");

    static Stream<Arguments> invoices() {
        EInvoiceSource domestic = invoice("NUV-2026-000041", ISSUER_IT, ROSSI_IT, VAT_22);
        return Stream.of(
                Arguments.of("domestic", domestic),
                Arguments.of("domestic to a PEC", invoice("NUV-2026-000042", ISSUER_IT, VERDI_IT_PEC, VAT_22)),
                Arguments.of("reverse charge EU B2B", invoice("NUV-2026-000043", ISSUER_IT, WOLKE_DE, REVERSE_CHARGE)),
                Arguments.of("export", invoice("NUV-2026-000044", ISSUER_IT, CLOUDY_US, EXPORT)),
                Arguments.of("credit note", creditNote(domestic)),
                Arguments.of("domestic in Germany", invoice("WOL-2026-000007", ISSUER_DE, WOLKE_DE, TaxTreatment.standard(new BigDecimal("19")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invoices")
    void theUblIsValidUbl21AndMeetsEveryEn16931Rule(String name, EInvoiceSource source) throws Exception {
        byte[] ubl = UblInvoices.xml(source);

        assertThat(EInvoiceValidation.xsd(source.isCreditNote() ? EInvoiceValidation.UBL_CREDIT_NOTE_XSD : EInvoiceValidation.UBL_INVOICE_XSD,
                ubl)).isEmpty();
        assertThat(EInvoiceValidation.schematron(EInvoiceValidation.UBL_SCHEMATRON, ubl)).isEmpty();
        Document xml = EInvoiceValidation.parse(ubl);
        String root = source.isCreditNote() ? "CreditNote" : "Invoice";
        assertThat(xml.getDocumentElement().getLocalName()).isEqualTo(root);
        assertThat(xpath(xml, "/*/*[local-name()='ID']")).isEqualTo(source.document().number());
        assertThat(new BigDecimal(xpath(xml, "//*[local-name()='LegalMonetaryTotal']/*[local-name()='TaxInclusiveAmount']")))
                .isEqualByComparingTo(source.document().draft().total().amount().abs());
        assertThat(new BigDecimal(xpath(xml, "/*/*[local-name()='TaxTotal']/*[local-name()='TaxAmount']")))
                .isEqualByComparingTo(source.document().draft().tax().amount().abs());
        assertThat(xpath(xml, "//*[local-name()='ClassifiedTaxCategory']/*[local-name()='ID']"))
                .isEqualTo(source.document().draft().lines().get(0).taxCategory());
        if (source.isCreditNote()) {
            assertThat(xpath(xml, "//*[local-name()='BillingReference']//*[local-name()='ID']")).isEqualTo(source.creditedNumber());
        } else {
            assertThat(xpath(xml, "/*/*[local-name()='DueDate']")).isEqualTo(source.document().dueOn().toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invoices")
    void theFacturXIsThePdfWithItsEn16931CiiEmbedded(String name, EInvoiceSource source) throws Exception {
        byte[] pdf = FacturX.pdf(source, InvoicePdf.render(source.document()));

        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            Map<String, PDComplexFileSpecification> files = document.getDocumentCatalog().getNames().getEmbeddedFiles().getNames();
            assertThat(files).containsOnlyKeys(FacturX.ATTACHMENT);
            byte[] cii = files.get(FacturX.ATTACHMENT).getEmbeddedFile().toByteArray();
            assertThat(EInvoiceValidation.xsd(EInvoiceValidation.CII_XSD, cii)).isEmpty();
            assertThat(EInvoiceValidation.schematron(EInvoiceValidation.CII_SCHEMATRON, cii)).isEmpty();
            Document xml = EInvoiceValidation.parse(cii);
            assertThat(xpath(xml, "//*[local-name()='ExchangedDocument']/*[local-name()='TypeCode']"))
                    .isEqualTo(source.isCreditNote() ? "381" : "380");
            assertThat(new BigDecimal(xpath(xml, "//*[local-name()='GrandTotalAmount']")))
                    .isEqualByComparingTo(source.document().draft().total().amount().abs());
            assertThat(new BigDecimal(xpath(xml, "//*[local-name()='SpecifiedTradeSettlementHeaderMonetarySummation']/*[local-name()='TaxTotalAmount']")))
                    .isEqualByComparingTo(source.document().draft().tax().amount().abs());
            String xmp = new String(document.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertThat(xmp).containsPattern("pdfaid:part(>|=\")3").contains("EN 16931");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invoices")
    void theCiiMeetsEveryEn16931Rule(String name, EInvoiceSource source) {
        byte[] cii = CiiInvoices.xml(source);

        assertThat(EInvoiceValidation.xsd(EInvoiceValidation.CII_XSD, cii)).isEmpty();
        assertThat(EInvoiceValidation.schematron(EInvoiceValidation.CII_SCHEMATRON, cii)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invoices")
    void theFatturaPaOfAnItalianIssuerIsValidAgainstItsXsd(String name, EInvoiceSource source) throws Exception {
        if (!"IT".equals(source.document().issuer().country())) {
            assertThatThrownBy(() -> FatturaPa.xml(source)).isInstanceOfSatisfying(InvalidInput.class,
                    e -> assertThat(e.field()).isEqualTo("format"));
            return;
        }
        byte[] fattura = FatturaPa.xml(source);

        assertThat(EInvoiceValidation.xsd(EInvoiceValidation.FATTURAPA_XSD, fattura)).isEmpty();
        Document xml = EInvoiceValidation.parse(fattura);
        assertThat(xpath(xml, "//DatiGeneraliDocumento/TipoDocumento")).isEqualTo(source.isCreditNote() ? "TD04" : "TD01");
        assertThat(new BigDecimal(xpath(xml, "//ImportoTotaleDocumento")))
                .isEqualByComparingTo(source.document().draft().total().amount().abs());
        Party customer = source.document().customer();
        String code = xpath(xml, "//DatiTrasmissione/CodiceDestinatario");
        if (!"IT".equals(customer.country())) {
            assertThat(code).isEqualTo("XXXXXXX");
        } else if (customer.sdiCode() != null) {
            assertThat(code).isEqualTo(customer.sdiCode());
        } else {
            assertThat(code).isEqualTo("0000000");
            assertThat(xpath(xml, "//DatiTrasmissione/PECDestinatario")).isEqualTo(customer.pec());
        }
        if (source.isCreditNote()) {
            assertThat(xpath(xml, "//DatiFattureCollegate/IdDocumento")).isEqualTo(source.creditedNumber());
        }
    }

    /** The validators are no rubber stamp: a document whose totals were tampered with fails the rules. */
    @Test
    void aWrongDocumentFailsTheRules() {
        EInvoiceSource invoice = invoice("NUV-2026-000045", ISSUER_IT, ROSSI_IT, VAT_22);
        String ubl = new String(UblInvoices.xml(invoice), StandardCharsets.UTF_8);
        String tampered = ubl.replaceFirst("(<(\\w+:)?TaxInclusiveAmount currencyID=\"EUR\">)[0-9.]+", "$1" + "1.00");
        assertThat(tampered).isNotEqualTo(ubl);
        assertThat(EInvoiceValidation.schematron(EInvoiceValidation.UBL_SCHEMATRON, tampered.getBytes(StandardCharsets.UTF_8)))
                .anyMatch(error -> error.startsWith("BR-CO-15"));

        String cii = new String(CiiInvoices.xml(invoice), StandardCharsets.UTF_8);
        String noSellerVat = cii.replaceFirst("<ram:SpecifiedTaxRegistration>\\s*<ram:ID schemeID=\"VA\">IT12345678903</ram:ID>\\s*"
                + "</ram:SpecifiedTaxRegistration>", "");
        assertThat(noSellerVat).isNotEqualTo(cii);
        assertThat(EInvoiceValidation.schematron(EInvoiceValidation.CII_SCHEMATRON, noSellerVat.getBytes(StandardCharsets.UTF_8)))
                .anyMatch(error -> error.startsWith("BR-S-02"));

        String fattura = new String(FatturaPa.xml(invoice), StandardCharsets.UTF_8).replace("<CAP>00184</CAP>", "<CAP>I-00184</CAP>");
        assertThat(EInvoiceValidation.xsd(EInvoiceValidation.FATTURAPA_XSD, fattura.getBytes(StandardCharsets.UTF_8))).isNotEmpty();
    }

    @Test
    void aFatturaPaIsRefusedForAnIssuerOutsideItalyAsFormat() {
        EInvoiceSource german = invoice("WOL-2026-000008", ISSUER_DE, ROSSI_IT, REVERSE_CHARGE);

        assertThatThrownBy(() -> FatturaPa.xml(german)).isInstanceOfSatisfying(InvalidInput.class, e -> {
            assertThat(e.field()).isEqualTo("format");
            assertThat(e.getMessage()).contains("Italy").contains("DE");
        });
    }

    /** The SDI refuses a second file with the same ProgressivoInvio from one sender: an invoice and its credit note differ. */
    @Test
    void theProgressiveOfASendingIsShortAndDistinctPerNumber() {
        assertThat(FatturaPa.progressive("NUV-2026-000041")).isEqualTo("N26000041");
        assertThat(FatturaPa.progressive("NUV-CN-2026-000041")).isEqualTo("NC26000041");
        assertThat(FatturaPa.progressive("ACME-EU-CN-2026-1234567")).hasSizeLessThanOrEqualTo(10).endsWith("261234567");
    }

    @Test
    void aFormatIsParsedOrRefusedAsFormat() {
        assertThat(EInvoiceFormat.parse("ubl")).isEqualTo(EInvoiceFormat.UBL);
        assertThat(EInvoiceFormat.parse(" FACTURX ")).isEqualTo(EInvoiceFormat.FACTURX);
        for (String bad : new String[] {null, "", "PDF", "UBL2"}) {
            assertThatThrownBy(() -> EInvoiceFormat.parse(bad)).isInstanceOfSatisfying(InvalidInput.class,
                    e -> assertThat(e.field()).isEqualTo("format"));
        }
        assertThat(EInvoiceFormat.FACTURX.filename("NUV/2026 01")).isEqualTo("NUV_2026_01-facturx.pdf");
    }

    static EInvoiceSource invoice(String number, Party issuer, Party customer, TaxTreatment tax) {
        InvoiceDraft draft = InvoiceGenerator.generate(new InvoiceInput(InvoiceKind.INVOICE, issuer, customer, EUR, List.of(
                new BillableItem(1L, ProceedKind.LICENSE, "Managed PostgreSQL, plan Business, December 2026", BigDecimal.ONE,
                        new BigDecimal("49.90"), new BigDecimal("49.90")),
                new BillableItem(2L, ProceedKind.EXTRA_RESOURCE, "Extra storage (GB), December 2026", new BigDecimal("3"),
                        new BigDecimal("4.183333"), new BigDecimal("12.55")),
                new BillableItem(3L, ProceedKind.DISCOUNT, "Coupon WELCOME10", BigDecimal.ONE, new BigDecimal("-5.00"),
                        new BigDecimal("-5.00"))), tax));
        return new EInvoiceSource(new InvoiceDocument(draft, number, LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 15),
                InvoiceStatus.UNPAID, issuer, customer, null), "IT".equals(issuer.country()) ? IBAN : "DE89370400440532013000", null, null);
    }

    static EInvoiceSource creditNote(EInvoiceSource invoice) {
        InvoiceDocument credited = invoice.document();
        InvoiceDraft draft = InvoiceGenerator.creditNoteFor(credited.draft());
        return new EInvoiceSource(new InvoiceDocument(draft, credited.number().replace("NUV-", "NUV-CN-"), LocalDate.of(2026, 12, 20), null,
                InvoiceStatus.UNPAID, credited.issuer(), credited.customer(), null), null, credited.number(), credited.issuedOn());
    }

    private static String xpath(Document xml, String path) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(path, xml);
    }
}
