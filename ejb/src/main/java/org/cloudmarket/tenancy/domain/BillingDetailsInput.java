package org.cloudmarket.tenancy.domain;

/**
 * Billing details as a client sent them (a form, a JSON body): plain text, unchecked. Field names
 * are the API's, so an error names the field the client sent.
 */
public record BillingDetailsInput(String kind, String name, String address, String city, String postalCode,
                                  String country, String vatNumber, String fiscalCode, String sdiCode, String pec,
                                  String iban, String invoicePrefix) {
}
