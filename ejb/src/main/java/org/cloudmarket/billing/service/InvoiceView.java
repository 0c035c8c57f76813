package org.cloudmarket.billing.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.cloudmarket.billing.domain.Invoice;
import org.cloudmarket.billing.domain.InvoiceKind;
import org.cloudmarket.billing.domain.InvoiceStatus;
import org.cloudmarket.tenancy.domain.BillingDetails;

/** An invoice as the API and the pages show it: its lines, totals, VAT note and both parties as the invoice copied them. */
public record InvoiceView(long id, InvoiceKind kind, String number, InvoiceStatus status, String currency, Instant issuedAt,
                          Instant dueAt, Instant paidAt, List<LineView> lines, BigDecimal net, BigDecimal tax, BigDecimal total,
                          PartyView issuer, PartyView customer, String taxNote, Long orderId, Long creditsInvoiceId) {

    /** A line; {@code id} is what a refund names ({@code POST /invoices/{id}/refund}). */
    public record LineView(String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal netAmount, BigDecimal taxRate,
                           long id) {
    }

    /** A party's name and billing details as they were at issue (the issuer's IBAN, so the customer can pay by transfer). */
    public record PartyView(Long id, String name, String legalName, String address, String city, String postalCode, String country,
                            String vatNumber, String fiscalCode, String sdiCode, String pec, String iban) {

        static PartyView of(Long id, String name, BillingDetails details) {
            if (details == null) {
                return new PartyView(id, name, null, null, null, null, null, null, null, null, null, null);
            }
            return new PartyView(id, name, details.getLegalName(), details.getAddress(), details.getCity(), details.getPostalCode(),
                    details.getCountry(), details.getVatNumber().orElse(null), details.getFiscalCode().orElse(null),
                    details.getSdiCode().orElse(null), details.getPec().orElse(null), details.getIban().orElse(null));
        }
    }

    public static InvoiceView of(Invoice invoice) {
        return of(invoice, true);
    }

    /**
     * Without payment details (a vendor reading a pro-forma it declares): the customer by name only, and no issuer's
     * IBAN, which only the payer needs.
     */
    public static InvoiceView of(Invoice invoice, boolean paymentDetails) {
        InvoiceView full = full(invoice);
        if (paymentDetails) {
            return full;
        }
        PartyView issuer = full.issuer();
        PartyView withoutIban = new PartyView(issuer.id(), issuer.name(), issuer.legalName(), issuer.address(), issuer.city(),
                issuer.postalCode(), issuer.country(), issuer.vatNumber(), issuer.fiscalCode(), issuer.sdiCode(), issuer.pec(), null);
        PartyView customer = PartyView.of(full.customer().id(), full.customer().name(), null);
        return new InvoiceView(full.id(), full.kind(), full.number(), full.status(), full.currency(), full.issuedAt(), full.dueAt(),
                full.paidAt(), full.lines(), full.net(), full.tax(), full.total(), withoutIban, customer, full.taxNote(), full.orderId(),
                full.creditsInvoiceId());
    }

    private static InvoiceView full(Invoice invoice) {
        return new InvoiceView(invoice.getId(), invoice.getKind(), invoice.getNumber(), invoice.getStatus(),
                invoice.getCurrency().getCurrencyCode(), invoice.getIssuedAt(), invoice.getDueAt(), invoice.getPaidAt().orElse(null),
                invoice.getLines().stream().map(line -> new LineView(line.getDescription(), line.getQuantity(), line.getUnitPrice(),
                        line.getNetAmount(), line.getTaxRate(), line.getId())).toList(),
                invoice.getNet(), invoice.getTax(), invoice.getTotal(),
                PartyView.of(invoice.getIssuerId().orElse(null), invoice.getIssuerName(), invoice.getIssuerDetails().orElse(null)),
                PartyView.of(invoice.getCustomerId().orElse(null), invoice.getCustomerName(), invoice.getCustomerDetails().orElse(null)),
                invoice.getTaxNote().orElse(null), invoice.getOrderId().orElse(null), invoice.getCreditsInvoiceId().orElse(null));
    }
}
