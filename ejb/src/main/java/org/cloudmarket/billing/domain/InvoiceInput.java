package org.cloudmarket.billing.domain;

import java.util.Currency;
import java.util.List;
import java.util.Objects;

/** Everything an invoice is made of, gathered by the caller: the generator reads nothing else. */
public record InvoiceInput(InvoiceKind kind, Party issuer, Party customer, Currency currency, List<BillableItem> items,
                           TaxTreatment tax) {

    public InvoiceInput {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(tax, "tax");
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("An invoice bills at least one item");
        }
    }
}
