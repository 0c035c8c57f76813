package org.cloudmarket.billing.domain;

import java.util.Currency;
import org.cloudmarket.shared.money.Money;

/** An issued invoice read back as the generator's draft: what its PDF prints and what its credit note negates. */
public final class InvoiceDrafts {

    private InvoiceDrafts() {
    }

    public static InvoiceDraft of(Invoice invoice) {
        Currency currency = invoice.getCurrency();
        return new InvoiceDraft(invoice.getKind(),
                invoice.getLines().stream().map(line -> new InvoiceDraftLine(line.getPosition(), line.getProceedId().orElse(null),
                        line.getKind(), line.getDescription(), line.getQuantity(), line.getUnitPrice(),
                        new Money(line.getNetAmount(), currency), line.getTaxRate(), line.getTaxCategory())).toList(),
                invoice.getTaxes().stream().map(tax -> new TaxSubtotal(tax.getTaxRate(), tax.getTaxCategory(),
                        new Money(tax.getTaxable(), currency), new Money(tax.getTax(), currency))).toList(),
                new Money(invoice.getNet(), currency), new Money(invoice.getTax(), currency), new Money(invoice.getTotal(), currency),
                invoice.getTaxNote().orElse(null));
    }
}
