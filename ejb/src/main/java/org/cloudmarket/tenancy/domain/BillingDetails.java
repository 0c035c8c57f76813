package org.cloudmarket.tenancy.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Optional;

/**
 * What an invoice says about a party: the customer it bills or the seller or vendor that issues it
 * (DOMAIN, "Invoices": each invoice copies both as they were). Kept on the organization, and on
 * the tenant for the marketplace owner itself. Built only through {@link BillingDetailsRules},
 * which checks every field; an organization without any has all columns null.
 */
@Embeddable
public class BillingDetails {

    @Enumerated(EnumType.STRING)
    @Column(name = "party_kind")
    private PartyKind kind;

    @Column(name = "legal_name")
    private String legalName;

    @Column(name = "address_line")
    private String address;

    private String city;

    @Column(name = "postal_code")
    private String postalCode;

    /** ISO 3166-1 alpha-2, upper case. */
    private String country;

    @Column(name = "vat_number")
    private String vatNumber;

    /** Italy: the codice fiscale (16 characters for a person, 11 digits for a company). */
    @Column(name = "fiscal_code")
    private String fiscalCode;

    /** Italy: the SDI recipient code of the e-invoice exchange (7 characters). */
    @Column(name = "sdi_code")
    private String sdiCode;

    /** Italy: the certified e-mail (PEC) an e-invoice may be delivered to instead of an SDI code. */
    private String pec;

    /** Sellers and vendors: the account bank transfers are paid into. */
    private String iban;

    /** Sellers: the prefix of their invoice numbers. */
    @Column(name = "invoice_prefix")
    private String invoicePrefix;

    protected BillingDetails() {
    }

    BillingDetails(PartyKind kind, String legalName, String address, String city, String postalCode, String country,
                   String vatNumber, String fiscalCode, String sdiCode, String pec, String iban, String invoicePrefix) {
        this.kind = kind;
        this.legalName = legalName;
        this.address = address;
        this.city = city;
        this.postalCode = postalCode;
        this.country = country;
        this.vatNumber = vatNumber;
        this.fiscalCode = fiscalCode;
        this.sdiCode = sdiCode;
        this.pec = pec;
        this.iban = iban;
        this.invoicePrefix = invoicePrefix;
    }

    /** An independent copy, for an entity that keeps the details as they were (an issued invoice). */
    public BillingDetails copy() {
        return new BillingDetails(kind, legalName, address, city, postalCode, country, vatNumber, fiscalCode, sdiCode, pec, iban,
                invoicePrefix);
    }

    /** Whether any details were given: EclipseLink materialises an all-null embeddable as an empty one. */
    public boolean isPresent() {
        return kind != null && legalName != null;
    }

    public PartyKind getKind() {
        return kind;
    }

    public String getLegalName() {
        return legalName;
    }

    public String getAddress() {
        return address;
    }

    public String getCity() {
        return city;
    }

    public String getPostalCode() {
        return postalCode;
    }

    public String getCountry() {
        return country;
    }

    public Optional<String> getVatNumber() {
        return Optional.ofNullable(vatNumber);
    }

    public Optional<String> getFiscalCode() {
        return Optional.ofNullable(fiscalCode);
    }

    public Optional<String> getSdiCode() {
        return Optional.ofNullable(sdiCode);
    }

    public Optional<String> getPec() {
        return Optional.ofNullable(pec);
    }

    public Optional<String> getIban() {
        return Optional.ofNullable(iban);
    }

    public Optional<String> getInvoicePrefix() {
        return Optional.ofNullable(invoicePrefix);
    }
}
