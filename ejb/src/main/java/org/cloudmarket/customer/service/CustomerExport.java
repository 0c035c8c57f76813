package org.cloudmarket.customer.service;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cloudmarket.customer.domain.CustomerVisibility.Access;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.tenancy.domain.Organization;

/** Everything the platform holds about one customer, for the customer itself (or the admin): one key per section. */
@Stateless
@PermitAll
public class CustomerExport {

    @Inject
    private Customers customers;

    @Inject
    @Any
    private Instance<CustomerDataSection> sections;

    @Inject
    private Clock clock;

    public Map<String, Object> export(long id) {
        Organization customer = customers.requiring(id, Access::mayExport, "Only the customer itself downloads its data").customer();
        List<User> users = customers.users(customer);
        Map<String, Object> export = new TreeMap<>();
        for (CustomerDataSection section : sections) {
            if (export.put(section.key(), section.export(customer, users)) != null) {
                throw new IllegalStateException("Two sections of the customer export are named " + section.key());
            }
        }
        export.put("exportedAt", clock.instant().toString());
        return export;
    }
}
