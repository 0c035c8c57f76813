package org.cloudmarket.billing.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.imageio.ImageIO;
import org.cloudmarket.billing.domain.BillableItem;
import org.cloudmarket.billing.domain.InvoiceDraft;
import org.cloudmarket.billing.domain.InvoiceGenerator;
import org.cloudmarket.billing.domain.InvoiceInput;
import org.cloudmarket.billing.domain.InvoiceKind;
import org.cloudmarket.billing.domain.InvoiceStatus;
import org.cloudmarket.billing.domain.Party;
import org.cloudmarket.billing.domain.ProceedKind;
import org.cloudmarket.billing.domain.TaxPolicy;
import org.cloudmarket.tenancy.domain.PartyKind;
import org.junit.jupiter.api.Test;

class InvoicePdfTest {

    private static final Party ACME = new Party("Acme S.r.l.", PartyKind.COMPANY, "Via Roma 1", "Milano", "20121", "IT",
            "IT01234567890", null, null, null);
    private static final Party ROSSI = new Party("Mario Rossi", PartyKind.PERSON, "Via Verdi 2", "Roma", "00184", "IT",
            null, "RSSMRA80A01H501U", null, null);
    private static final Party WOLKE = new Party("Wolke GmbH", PartyKind.COMPANY, "Hauptstrasse 5", "Berlin", "10115", "DE",
            "DE123456789", null, null, null);

    @Test
    void thePdfStatesTheNumberTheLinesTheVatAndTheTotal() throws IOException {
        byte[] pdf = InvoicePdf.render(document(draft(ROSSI, InvoiceKind.INVOICE), "ACME-2026-000042", null));

        String text = text(pdf);
        assertThat(text).contains("Invoice ACME-2026-000042", "Acme S.r.l.", "VAT number IT01234567890", "Mario Rossi",
                "Fiscal code RSSMRA80A01H501U", "due on 2026-12-01", "Status: UNPAID");
        assertThat(text).contains("Nimbus Mail Pro license", "4.1833", "12.55 EUR", "-1.25 EUR");
        assertThat(text).contains("VAT 22 % (S)", "21.30 EUR", "4.69 EUR", "25.99 EUR");
    }

    @Test
    void aReverseChargedInvoicePrintsItsLegalNote() throws IOException {
        String text = text(InvoicePdf.render(document(draft(WOLKE, InvoiceKind.INVOICE), "ACME-2026-000043", null)));

        assertThat(text).contains("VAT number DE123456789", "VAT 0 % (AE)", "Reverse charge", "art. 196 Directive 2006/112/EC",
                "0.00 EUR", "21.30 EUR");
    }

    @Test
    void aCreditNoteAndAProFormaAreTitledAsSuch() throws IOException {
        InvoiceDraft credit = InvoiceGenerator.creditNoteFor(draft(ROSSI, InvoiceKind.INVOICE));

        assertThat(text(InvoicePdf.render(document(credit, "ACME-CN-2026-000001", null))))
                .contains("Credit note ACME-CN-2026-000001", "-25.99 EUR");
        assertThat(text(InvoicePdf.render(document(draft(ROSSI, InvoiceKind.PRO_FORMA), "ACME-PF-2026-000001", null))))
                .contains("Pro-forma invoice ACME-PF-2026-000001");
    }

    @Test
    void theIssuersLogoIsDrawnOnThePage() throws IOException {
        byte[] pdf = InvoicePdf.render(document(draft(ROSSI, InvoiceKind.INVOICE), "ACME-2026-000044", png()));

        assertThat(images(pdf)).isEqualTo(1);
        assertThat(text(pdf)).contains("ACME-2026-000044");
    }

    @Test
    void aLogoThatIsNoImageLeavesItOutAndSaysSoInTheLog() throws IOException {
        byte[] webp = {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', ' '};
        List<LogRecord> logged = new ArrayList<>();
        Logger log = Logger.getLogger(InvoicePdf.class.getName());
        Level level = log.getLevel();
        Handler handler = new Collecting(logged);
        log.setLevel(Level.FINE);
        log.addHandler(handler);
        try {
            byte[] pdf = InvoicePdf.render(document(draft(ROSSI, InvoiceKind.INVOICE), "ACME-2026-000045", webp));

            assertThat(images(pdf)).isZero();
            assertThat(text(pdf)).contains("Invoice ACME-2026-000045", "25.99 EUR");
            assertThat(logged).singleElement().satisfies(record -> {
                assertThat(record.getLevel()).isEqualTo(Level.FINE);
                assertThat(record.getMessage()).contains("ACME-2026-000045", "without its issuer's logo");
                assertThat(record.getThrown()).isNotNull();
            });
        } finally {
            log.removeHandler(handler);
            log.setLevel(level);
        }
    }

    private static InvoiceDraft draft(Party customer, InvoiceKind kind) {
        List<BillableItem> items = List.of(
                new BillableItem(1L, ProceedKind.LICENSE, "Nimbus Mail Pro license", BigDecimal.ONE, new BigDecimal("10.00"), new BigDecimal("10.00")),
                new BillableItem(2L, ProceedKind.PRORATION_DEBIT, "Extra mailbox, 3 hours", new BigDecimal("3"), new BigDecimal("4.183333"),
                        new BigDecimal("12.55")),
                new BillableItem(3L, ProceedKind.DISCOUNT, "Coupon WELCOME", BigDecimal.ONE, new BigDecimal("-1.25"), new BigDecimal("-1.25")));
        return InvoiceGenerator.generate(new InvoiceInput(kind, ACME, customer, Currency.getInstance("EUR"), items,
                new TaxPolicy(Map.of()).treatment(ACME, customer)));
    }

    private static InvoiceDocument document(InvoiceDraft draft, String number, byte[] logo) {
        LocalDate day = LocalDate.of(2026, 12, 1);
        return new InvoiceDocument(draft, number, day, draft.kind() == InvoiceKind.CREDIT_NOTE ? null : day, InvoiceStatus.UNPAID,
                ACME, draft.note() == null ? ROSSI : WOLKE, logo);
    }

    private static String text(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        try {
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(new PdfTextExtractor(reader).getTextFromPage(page)).append('\n');
            }
            return text.toString();
        } finally {
            reader.close();
        }
    }

    private static int images(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        try {
            PdfDictionary resources = (PdfDictionary) PdfReader.getPdfObject(reader.getPageN(1).get(PdfName.RESOURCES));
            PdfDictionary objects = (PdfDictionary) PdfReader.getPdfObject(resources.get(PdfName.XOBJECT));
            return objects == null ? 0 : objects.size();
        } finally {
            reader.close();
        }
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0x3366cc);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static final class Collecting extends Handler {
        private final List<LogRecord> records;

        Collecting(List<LogRecord> records) {
            this.records = records;
            setLevel(Level.ALL);
        }

        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
