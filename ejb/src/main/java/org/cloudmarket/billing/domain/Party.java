package org.cloudmarket.billing.domain;

import java.util.Locale;
import java.util.Objects;
import org.cloudmarket.tenancy.domain.BillingDetails;
import org.cloudmarket.tenancy.domain.PartyKind;

/**
 * The issuer or the customer as an invoice states it: a copy of its billing details at the moment
 * of issue (DOMAIN, Decisions: Invoices), so a later change of address never changes an issued invoice.
 * Only name, kind and country are required: they decide the tax.
 */
public record Party(String name, PartyKind kind, String address, String city, String postalCode, String country,
                    String vatNumber, String fiscalCode, String sdiCode, String pec) {

    public Party {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(country, "country");
        country = country.strip().toUpperCase(Locale.ROOT);
        vatNumber = vatNumber == null || vatNumber.isBlank() ? null : vatNumber.strip();
    }

    /** The party an organization's (or the tenant's) billing details describe. */
    public static Party of(BillingDetails details) {
        return new Party(details.getLegalName(), details.getKind(), details.getAddress(), details.getCity(),
                details.getPostalCode(), details.getCountry(), details.getVatNumber().orElse(null),
                details.getFiscalCode().orElse(null), details.getSdiCode().orElse(null), details.getPec().orElse(null));
    }

    /** A taxable person for VAT: a company that gave its VAT number. */
    public boolean isBusinessWithVatNumber() {
        return kind == PartyKind.COMPANY && vatNumber != null;
    }
}
