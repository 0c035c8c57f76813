package org.cloudmarket.customer.service;

import org.cloudmarket.tenancy.domain.BillingDetailsInput;

/**
 * What a visitor sends to become a customer (the body of {@code POST /api/v1/customers}, the
 * sign-up page): its billing details, an e-mail and a password, and whether it accepts the
 * storefront's terms. Unchecked; {@link SignUps} checks it.
 */
public record SignUpRequest(String kind, String name, String email, String password, String address, String city,
                            String postalCode, String country, String vatNumber, String fiscalCode, String sdiCode,
                            String pec, Boolean acceptTerms) {

    public BillingDetailsInput billingDetails() {
        return new BillingDetailsInput(kind, name, address, city, postalCode, country, vatNumber, fiscalCode, sdiCode, pec,
                null, null);
    }
}
