package org.cloudmarket.billing.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cloudmarket.billing.domain.InvoiceDraft;
import org.cloudmarket.billing.domain.InvoiceDraftLine;
import org.cloudmarket.billing.domain.InvoiceKind;
import org.cloudmarket.billing.domain.Party;
import org.cloudmarket.billing.domain.TaxSubtotal;

/** An invoice, credit note or pro-forma as a PDF (OpenPDF): values in, bytes out, nothing read or stored. */
public final class InvoicePdf {

    private static final Logger LOG = Logger.getLogger(InvoicePdf.class.getName());
    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
    private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
    private static final Font TEXT = FontFactory.getFont(FontFactory.HELVETICA, 10);

    private InvoicePdf() {
    }

    public static byte[] render(InvoiceDocument invoice) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document pdf = new Document(PageSize.A4, 40, 40, 40, 40);
        PdfWriter.getInstance(pdf, out);
        pdf.addTitle(title(invoice.draft().kind()) + " " + invoice.number());
        pdf.open();
        logo(invoice).ifPresent(pdf::add);
        pdf.add(new Paragraph(title(invoice.draft().kind()) + " " + invoice.number(), TITLE));
        pdf.add(new Paragraph("Issued on " + invoice.issuedOn() + (invoice.dueOn() == null ? "" : ", due on " + invoice.dueOn())
                + ". Status: " + invoice.status(), TEXT));
        pdf.add(parties(invoice.issuer(), invoice.customer()));
        pdf.add(lines(invoice.draft()));
        pdf.add(taxes(invoice.draft()));
        if (invoice.draft().note() != null) {
            pdf.add(new Paragraph(invoice.draft().note(), TEXT));
        }
        pdf.close();
        return out.toByteArray();
    }

    static String title(InvoiceKind kind) {
        return switch (kind) {
            case INVOICE -> "Invoice";
            case CREDIT_NOTE -> "Credit note";
            case PRO_FORMA -> "Pro-forma invoice";
        };
    }

    /** A logo that OpenPDF cannot read (a WebP, a truncated file) leaves the invoice without it: the invoice matters more. */
    private static Optional<Image> logo(InvoiceDocument invoice) {
        if (invoice.logo() == null) {
            return Optional.empty();
        }
        try {
            Image logo = Image.getInstance(invoice.logo());
            logo.scaleToFit(160, 60);
            return Optional.of(logo);
        } catch (IOException | RuntimeException unreadable) {
            LOG.log(Level.FINE, "Invoice " + invoice.number() + " rendered without its issuer's logo, which is no readable PNG or JPEG",
                    unreadable);
            return Optional.empty();
        }
    }

    private static PdfPTable parties(Party issuer, Party customer) {
        PdfPTable table = table(new float[] {1, 1});
        table.setSpacingBefore(12);
        table.addCell(cell("From", BOLD, Element.ALIGN_LEFT));
        table.addCell(cell("Bill to", BOLD, Element.ALIGN_LEFT));
        table.addCell(cell(String.join("\n", block(issuer)), TEXT, Element.ALIGN_LEFT));
        table.addCell(cell(String.join("\n", block(customer)), TEXT, Element.ALIGN_LEFT));
        return table;
    }

    private static List<String> block(Party party) {
        List<String> lines = new ArrayList<>();
        lines.add(party.name());
        add(lines, "", party.address());
        add(lines, "", String.join(" ", nonNull(party.postalCode(), party.city())).strip());
        lines.add(party.country());
        add(lines, "VAT number ", party.vatNumber());
        add(lines, "Fiscal code ", party.fiscalCode());
        add(lines, "SDI code ", party.sdiCode());
        add(lines, "PEC ", party.pec());
        return lines;
    }

    private static PdfPTable lines(InvoiceDraft draft) {
        PdfPTable table = table(new float[] {6, 1.5f, 2, 2});
        table.setSpacingBefore(12);
        table.setHeaderRows(1);
        header(table, "Description", "Quantity", "Unit price", "Net");
        for (InvoiceDraftLine line : draft.lines()) {
            table.addCell(cell(line.description(), TEXT, Element.ALIGN_LEFT));
            table.addCell(cell(Amounts.quantity(line.quantity()), TEXT, Element.ALIGN_RIGHT));
            table.addCell(cell(Amounts.unitPrice(line.unitPrice(), draft.currency()), TEXT, Element.ALIGN_RIGHT));
            table.addCell(cell(Amounts.money(line.netAmount()), TEXT, Element.ALIGN_RIGHT));
        }
        return table;
    }

    /** The VAT breakdown per rate, then the totals, right-aligned under the lines' amounts. */
    private static PdfPTable taxes(InvoiceDraft draft) {
        PdfPTable table = table(new float[] {6, 2, 2});
        table.setSpacingBefore(12);
        header(table, "VAT", "Taxable", "VAT amount");
        for (TaxSubtotal subtotal : draft.taxSubtotals()) {
            table.addCell(cell("VAT " + Amounts.percent(subtotal.rate()) + " (" + subtotal.category() + ")", TEXT, Element.ALIGN_LEFT));
            table.addCell(cell(Amounts.money(subtotal.taxable()), TEXT, Element.ALIGN_RIGHT));
            table.addCell(cell(Amounts.money(subtotal.tax()), TEXT, Element.ALIGN_RIGHT));
        }
        total(table, "Net", Amounts.money(draft.net()), TEXT);
        total(table, "VAT", Amounts.money(draft.tax()), TEXT);
        total(table, "Total", Amounts.money(draft.total()), BOLD);
        return table;
    }

    private static void total(PdfPTable table, String label, String amount, Font font) {
        PdfPCell name = cell(label, font, Element.ALIGN_RIGHT);
        name.setColspan(2);
        table.addCell(name);
        table.addCell(cell(amount, font, Element.ALIGN_RIGHT));
    }

    private static void header(PdfPTable table, String... titles) {
        for (int i = 0; i < titles.length; i++) {
            table.addCell(cell(titles[i], BOLD, i == 0 ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT));
        }
    }

    private static PdfPTable table(float[] widths) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        return table;
    }

    private static PdfPCell cell(String text, Font font, int alignment) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setHorizontalAlignment(alignment);
        cell.setPadding(4);
        return cell;
    }

    private static void add(List<String> lines, String label, String value) {
        if (value != null && !value.isBlank()) {
            lines.add(label + value);
        }
    }

    private static List<String> nonNull(String... values) {
        return Arrays.stream(values).filter(value -> value != null).toList();
    }
}
