package org.cloudmarket.customer.service;

import org.cloudmarket.tenancy.domain.BillingDetailsInput;

/** A customer a seller adds (for push orders): its billing details and the e-mail of its first user. */
public record NewCustomer(String email, BillingDetailsInput billingDetails) {
}
