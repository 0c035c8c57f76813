package org.cloudmarket.web.catalog;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.cloudmarket.billing.domain.InvoiceKind;
import org.cloudmarket.billing.domain.InvoiceStatus;
import org.cloudmarket.billing.service.InvoiceView;
import org.cloudmarket.billing.service.Invoices;
import org.cloudmarket.ordering.service.OrderView;
import org.cloudmarket.ordering.service.Orders;
import org.cloudmarket.shared.error.DomainException;
import org.cloudmarket.web.backoffice.PageMessages;

/**
 * An order's confirmation (/order.xhtml?id=): its status, lines and total, and what happens next:
 * waiting for approval, or its first invoice to pay by bank transfer to the issuer's IBAN with the
 * invoice's number as the reference. Orders.read decides who may see it (PartyScope).
 */
@Named
@RequestScoped
public class OrderPage {

    @Inject
    private Orders orders;

    @Inject
    private Invoices invoices;

    @Inject
    private PlanNames planNames;

    private Long id;
    private OrderView order;
    private InvoiceView invoice;

    public void load() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        if (external.getUserPrincipal() == null) {
            String back = "/order.xhtml" + (id == null ? "" : "?id=" + id);
            external.redirect(external.getRequestContextPath() + "/login.xhtml?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8));
            return;
        }
        if (id == null) {
            PageMessages.refusedKey("order.notFound");
            return;
        }
        try {
            order = orders.read(id);
            invoice = order.invoiceId() == null ? null : invoices.read(order.invoiceId());
        } catch (DomainException refused) {
            order = null;
            PageMessages.refused(refused);
        }
    }

    /** An invoice to pay by bank transfer: unpaid, with something to pay (a pro-forma is paid to the seller itself). */
    public boolean isPayByTransfer() {
        return invoice != null && invoice.kind() == InvoiceKind.INVOICE && invoice.status() == InvoiceStatus.UNPAID
                && invoice.total().signum() > 0 && getIssuerIban() != null;
    }

    /** Nothing to wait for or to pay: no approval pending and no invoice (a trial, a zero total, a live-reporting marketplace). */
    public boolean isNothingToPay() {
        return order != null && invoice == null && !"REQUIRES_APPROVAL".equals(order.status()) && !"REJECTED".equals(order.status());
    }

    public String getIssuerIban() {
        return invoice == null || invoice.issuer() == null ? null : invoice.issuer().iban();
    }

    public String getProductName() {
        return order == null ? "" : planNames.name(order.planId());
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public OrderView getOrder() {
        return order;
    }

    public InvoiceView getInvoice() {
        return invoice;
    }
}
