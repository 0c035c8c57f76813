package org.cloudmarket.batch.billing;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.cloudmarket.billing.service.BillingRunWork;

/** The invoices step: the run's proceeds invoiced per customer, issuer and currency (none for a live-reporting tenant). */
@Named("billingRunInvoices")
public class BillingRunInvoices extends AbstractBatchlet {

    @Inject
    @BatchProperty
    private String tenantId;

    @Inject
    @BatchProperty
    private String runId;

    @EJB
    private BillingRunWork work;

    @Override
    public String process() {
        return "INVOICED " + work.invoice(Long.parseLong(tenantId), Long.parseLong(runId));
    }
}
