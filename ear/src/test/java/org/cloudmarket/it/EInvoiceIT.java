package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * GET /api/v1/invoices/{id}/einvoice on the deployed EAR: a demo invoice (Bright IT S.r.l., an Italian reseller,
 * to acme's Italian demo customer) in each format, read by its customer and by the tenant's admin; refused to
 * another tenant's users and to a channel peer as for the invoice itself (404), and for a bad format (422).
 */
class EInvoiceIT extends EarIT {

    private final Http store = Http.host("reseller.acme.localhost");
    private final Http acme = Http.host("acme.localhost");
    private String customer;

    @BeforeEach
    void signIn() {
        customer = store.token("customer@acme.test", "demo");
    }

    @Test
    void anInvoiceIsExportedInEachFormatByItsCustomerAndTheTenantsAdmin() throws Exception {
        long invoiceId = placeOrder();
        String number = Http.json(store.get("/api/v1/invoices/" + invoiceId, Http.bearer(customer))).get("number").asText();
        String admin = acme.token("admin@acme.test", "demo");

        for (var reader : List.of(new Reader(store, customer), new Reader(acme, admin))) {
            HttpResponse<byte[]> ubl = reader.http().getBytes(path(invoiceId, "UBL"), Http.bearer(reader.token()));
            assertThat(ubl.statusCode()).as(new String(ubl.body(), StandardCharsets.UTF_8)).isEqualTo(200);
            assertThat(ubl.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/xml"));
            assertThat(ubl.headers().firstValue("Content-Disposition")).contains("attachment; filename=\"" + number + "-ubl.xml\"");
            Document invoice = parse(ubl.body());
            assertThat(invoice.getDocumentElement().getNamespaceURI()).isEqualTo("urn:oasis:names:specification:ubl:schema:xsd:Invoice-2");
            assertThat(invoice.getElementsByTagNameNS("*", "ID").item(0).getTextContent()).isEqualTo(number);

            HttpResponse<byte[]> facturX = reader.http().getBytes(path(invoiceId, "FACTURX"), Http.bearer(reader.token()));
            assertThat(facturX.statusCode()).isEqualTo(200);
            assertThat(facturX.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/pdf"));
            assertThat(facturX.headers().firstValue("Content-Disposition")).contains("attachment; filename=\"" + number + "-facturx.pdf\"");
            assertThat(new String(facturX.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            try (PDDocument pdf = Loader.loadPDF(facturX.body())) {
                PDComplexFileSpecification attached = pdf.getDocumentCatalog().getNames().getEmbeddedFiles().getNames().get("factur-x.xml");
                assertThat(attached).as("factur-x.xml embedded").isNotNull();
                Document cii = parse(attached.getEmbeddedFile().toByteArray());
                assertThat(cii.getDocumentElement().getLocalName()).isEqualTo("CrossIndustryInvoice");
                assertThat(cii.getElementsByTagNameNS("*", "ExchangedDocument").item(0).getTextContent()).contains(number);
            }

            HttpResponse<byte[]> fattura = reader.http().getBytes(path(invoiceId, "FATTURAPA"), Http.bearer(reader.token()));
            assertThat(fattura.statusCode()).as(new String(fattura.body(), StandardCharsets.UTF_8)).isEqualTo(200);
            assertThat(fattura.headers().firstValue("Content-Disposition")).contains("attachment; filename=\"" + number + "-fatturapa.xml\"");
            Document fatturaPa = parse(fattura.body());
            assertThat(fatturaPa.getDocumentElement().getLocalName()).isEqualTo("FatturaElettronica");
            assertThat(fatturaPa.getElementsByTagName("Numero").item(0).getTextContent()).isEqualTo(number);
            assertThat(fatturaPa.getElementsByTagName("CodiceDestinatario").item(0).getTextContent()).matches("[A-Z0-9]{7}");
        }
    }

    @Test
    void anEInvoiceIsRefusedToAnotherTenantAChannelPeerAndForABadFormat() {
        long invoiceId = placeOrder();
        for (String format : List.of("UBL", "FACTURX", "FATTURAPA")) {
            String peer = acme.token("reseller2@acme.test", "demo");
            assertThat(acme.getBytes(path(invoiceId, format), Http.bearer(peer)).statusCode()).as("a channel peer, " + format).isEqualTo(404);
            Http globex = Http.host("globex.localhost");
            for (String outsider : List.of("admin@globex.test", "customer@globex.test")) {
                assertThat(globex.getBytes(path(invoiceId, format), Http.bearer(globex.token(outsider, "demo"))).statusCode())
                        .as(outsider + ", " + format).isEqualTo(404);
            }
        }
        for (String bad : List.of("/api/v1/invoices/" + invoiceId + "/einvoice", path(invoiceId, "PDF"), path(invoiceId, ""))) {
            HttpResponse<String> refused = store.get(bad, Http.bearer(customer));
            assertThat(refused.statusCode()).as("%s: %s", bad, refused.body()).isEqualTo(422);
            assertThat(refused.body()).contains("\"format\"");
        }
        assertThat(store.get(path(invoiceId, "UBL")).statusCode()).as("anonymous").isEqualTo(401);
    }

    @Test
    void aFatturaPaIsRefusedForAnInvoiceIssuedOutsideItaly() {
        long invoiceId = placeOrder();
        // the test's own invoice, as if its issuer's copied details were German
        TestDatabase.update("UPDATE invoice SET issuer_country = 'DE', issuer_vat_number = 'DE123456789' WHERE id = ?", invoiceId);

        HttpResponse<String> refused = store.get(path(invoiceId, "FATTURAPA"), Http.bearer(customer));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(refused.body()).contains("\"format\"").contains("Italy");
        assertThat(store.getBytes(path(invoiceId, "UBL"), Http.bearer(customer)).statusCode()).as("UBL still").isEqualTo(200);
    }

    private record Reader(Http http, String token) {
    }

    private static String path(long invoiceId, String format) {
        return "/api/v1/invoices/" + invoiceId + "/einvoice?format=" + format;
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    /** A first invoice of the demo customer: Nimbus Mail Basic bought from Bright IT's store by bank transfer. */
    private long placeOrder() {
        HttpResponse<String> placed = store.postJson("/api/v1/orders", "{\"planId\":" + mailBasic() + ",\"duration\":1,\"paymentMethod\":\"BANK_TRANSFER\"}",
                Http.bearer(customer));
        assertThat(placed.statusCode()).as("%s", placed.body()).isEqualTo(201);
        JsonNode order = Http.json(placed);
        assertThat(order.get("invoiceId").isNull()).as("%s", placed.body()).isFalse();
        return order.get("invoiceId").asLong();
    }

    private long mailBasic() {
        for (JsonNode plan : Http.json(store.get("/api/v1/catalog/nimbus-mail")).get("plans")) {
            if (plan.get("name").asText().equals("Basic")) {
                return plan.get("id").asLong();
            }
        }
        throw new AssertionError("Nimbus Mail has no plan Basic");
    }
}
