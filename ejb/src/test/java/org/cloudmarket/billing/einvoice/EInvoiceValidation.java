package org.cloudmarket.billing.einvoice;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringWriter;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Templates;
import javax.xml.transform.dom.DOMResult;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import com.helger.ubl21.UBL21Marshaller;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.Source;
import javax.xml.transform.sax.SAXSource;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.SAXParseException;

/**
 * The standards' own checks, run offline: the XSDs (UBL 2.1 from ph-ubl21, Factur-X EN 16931 from Mustang's
 * validator, FatturaPA 1.2.2 kept in the test resources) and the EN 16931 Schematron rules of CEN (UBL and CII,
 * compiled to XSLT, as Mustang's validator ships them), run with Saxon. Each answers the list of what is wrong.
 */
final class EInvoiceValidation {

    static final String UBL_INVOICE_XSD = "external/schemas/ubl21/maindoc/UBL-Invoice-2.1.xsd";
    static final String UBL_CREDIT_NOTE_XSD = "external/schemas/ubl21/maindoc/UBL-CreditNote-2.1.xsd";
    static final String CII_XSD = "schema/ZF_250/EN16931/FACTUR-X_EN16931.xsd";
    static final String FATTURAPA_XSD = "einvoice/fatturapa/Schema_del_file_xml_FatturaPA_v1.2.2.xsd";
    static final String UBL_SCHEMATRON = "xslt/en16931schematron/EN16931-UBL-validation.xslt";
    static final String CII_SCHEMATRON = "xslt/en16931schematron/EN16931-CII-validation.xslt";

    private static final String SVRL = "http://purl.oclc.org/dsdl/svrl";
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();
    private static final Map<String, Templates> SCHEMATRONS = new ConcurrentHashMap<>();

    private EInvoiceValidation() {
    }

    /** What the XSD at that class-path resource finds wrong with the XML (empty: valid). */
    static List<String> xsd(String resource, byte[] xml) {
        List<String> errors = new ArrayList<>();
        try {
            var validator = SCHEMAS.computeIfAbsent(resource, EInvoiceValidation::schema).newValidator();
            validator.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void error(SAXParseException e) {
                    errors.add(e.getLineNumber() + ": " + e.getMessage());
                }

                @Override
                public void fatalError(SAXParseException e) {
                    errors.add(e.getLineNumber() + ": " + e.getMessage());
                }
            });
            validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (Exception e) {
            errors.add(e + (e.getCause() == null ? "" : " <- " + e.getCause()));
        }
        return errors;
    }

    /** The EN 16931 rules (fatal and error flags; warnings are not breaches) the XML fails, as "BR-xx: text". */
    static List<String> schematron(String resource, byte[] xml) {
        try {
            DOMResult svrl = new DOMResult();
            SCHEMATRONS.computeIfAbsent(resource, EInvoiceValidation::compile).newTransformer()
                    .transform(new StreamSource(new ByteArrayInputStream(xml)), svrl);
            NodeList failed = ((Document) svrl.getNode()).getElementsByTagNameNS(SVRL, "failed-assert");
            List<String> errors = new ArrayList<>();
            for (int i = 0; i < failed.getLength(); i++) {
                Element assertion = (Element) failed.item(i);
                if (!"warning".equalsIgnoreCase(assertion.getAttribute("flag"))) {
                    errors.add(assertion.getAttribute("id") + ": " + assertion.getTextContent().strip());
                }
            }
            return errors;
        } catch (Exception e) {
            return List.of(e.toString());
        }
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    /**
     * The schema with what it imports loaded first: UBL's unqualified data types import the CCTS module without
     * a location (ph-xsds-ccts-cct-schemamodule has it), FatturaPA imports the W3C signature schema from the W3C's
     * site (the copy beside it answers). No DTD or schema is fetched from the network.
     */
    private static Schema schema(String resource) {
        List<String> sources = new ArrayList<>();
        if (resource.equals(UBL_INVOICE_XSD) || resource.equals(UBL_CREDIT_NOTE_XSD)) {
            // what ph-ubl21 lists as the document's schemas, in import order (CCTS, XML-DSig, XAdES, then UBL's)
            (resource.equals(UBL_INVOICE_XSD) ? UBL21Marshaller.getAllInvoiceXSDs() : UBL21Marshaller.getAllCreditNoteXSDs())
                    .forEach(xsd -> sources.add(xsd.getPath().replaceFirst("^/", "")));
        } else {
            if (resource.startsWith("einvoice/fatturapa/")) {
                sources.add("einvoice/fatturapa/xmldsig-core-schema.xsd");
            }
            sources.add(resource);
        }
        try {
            SAXParserFactory parsers = SAXParserFactory.newInstance();
            parsers.setNamespaceAware(true);
            parsers.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            List<Source> loaded = new ArrayList<>();
            for (String source : sources) {
                URL url = Objects.requireNonNull(EInvoiceValidation.class.getClassLoader().getResource(source), source);
                XMLReader reader = parsers.newSAXParser().getXMLReader();
                InputSource input = new InputSource(url.toString());
                loaded.add(new SAXSource(reader, input));
            }
            return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(loaded.toArray(Source[]::new));
        } catch (Exception e) {
            throw new IllegalStateException("Schema " + resource, e);
        }
    }

    private static Templates compile(String resource) {
        try (InputStream xslt = Objects.requireNonNull(EInvoiceValidation.class.getClassLoader().getResourceAsStream(resource), resource)) {
            return new net.sf.saxon.TransformerFactoryImpl().newTemplates(new StreamSource(xslt,
                    EInvoiceValidation.class.getClassLoader().getResource(resource).toString()));
        } catch (Exception e) {
            throw new IllegalStateException("Schematron " + resource, e);
        }
    }

    static String text(byte[] xml) {
        StringWriter out = new StringWriter();
        out.write(new String(xml, java.nio.charset.StandardCharsets.UTF_8));
        return out.toString();
    }
}
