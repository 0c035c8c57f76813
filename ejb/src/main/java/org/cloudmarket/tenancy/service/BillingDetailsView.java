package org.cloudmarket.tenancy.service;

import org.cloudmarket.tenancy.domain.BillingDetails;
import org.cloudmarket.tenancy.domain.BillingDetailsInput;
import org.cloudmarket.tenancy.domain.PartyKind;

/**
 * Billing details as the API and the pages show them, with the sign-up's field names; iban and
 * invoicePrefix are a seller's or vendor's only (absent on a customer's).
 */
public record BillingDetailsView(PartyKind kind, String name, String address, String city, String postalCode,
                                 String country, String vatNumber, String fiscalCode, String sdiCode, String pec,
                                 String iban, String invoicePrefix) {

    public static BillingDetailsView of(BillingDetails details) {
        return new BillingDetailsView(details.getKind(), details.getLegalName(), details.getAddress(), details.getCity(),
                details.getPostalCode(), details.getCountry(), details.getVatNumber().orElse(null),
                details.getFiscalCode().orElse(null), details.getSdiCode().orElse(null), details.getPec().orElse(null),
                details.getIban().orElse(null), details.getInvoicePrefix().orElse(null));
    }

    /** These details as input again: the starting point of a partial change. */
    public BillingDetailsInput asInput() {
        return new BillingDetailsInput(kind == null ? null : kind.name(), name, address, city, postalCode, country,
                vatNumber, fiscalCode, sdiCode, pec, iban, invoicePrefix);
    }
}
