package org.cloudmarket.billing.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.cloudmarket.billing.domain.Invoice;
import org.cloudmarket.customer.service.CustomerDataSection;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.tenancy.domain.Organization;

/** "Download my data": the customer's invoices, credit notes and pro-formas, each as the API shows it. */
@Dependent
public class InvoicesSection implements CustomerDataSection {

    @Inject
    private EntityManager entityManager;

    @Override
    public String key() {
        return "invoices";
    }

    @Override
    public Object export(Organization customer, List<User> users) {
        return entityManager.createQuery("SELECT i FROM Invoice i WHERE i.customerId = :customer ORDER BY i.id", Invoice.class)
                .setParameter("customer", customer.getId()).getResultStream().map(InvoiceView::of).toList();
    }
}
