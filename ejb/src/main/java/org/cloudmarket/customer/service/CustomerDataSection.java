package org.cloudmarket.customer.service;

import java.util.List;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.tenancy.domain.Organization;

/**
 * One part of "download my data": what one context holds about a customer. Each context that keeps
 * data about customers (subscriptions, invoices, payments) adds a CDI bean implementing this, and
 * CustomerExport collects them all; nothing here changes when one is added. Called inside the
 * export's transaction and tenant; the value is written as JSON (records, lists, maps).
 */
public interface CustomerDataSection {

    /** The section's key in the export, unique: "organization", "users", "subscriptions". */
    String key();

    Object export(Organization customer, List<User> users);
}
