package org.cloudmarket.web.backoffice;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.cloudmarket.customer.service.AccountClosing;
import org.cloudmarket.customer.service.CustomerDirectory;
import org.cloudmarket.customer.service.CustomerView;
import org.cloudmarket.identity.domain.AuditEntry;
import org.cloudmarket.shared.error.DomainException;
import org.cloudmarket.web.security.WebSession;

/**
 * A customer's dashboard (/account/index.xhtml): its billing details, its colleagues, the download
 * of its data and the closing of its account. The services decide; the page only asks.
 */
@Named
@RequestScoped
public class AccountPage {

    @Inject
    private FacesContext facesContext;

    @Inject
    private CustomerDirectory customerDirectory;

    @Inject
    private AccountClosing accountClosing;

    private CustomerView customer;
    private BillingForm billing;
    private boolean confirmClosing;

    @PostConstruct
    void load() {
        customer = customerDirectory.own();
        billing = BillingForm.of(customer.billingDetails());
    }

    public void save() {
        try {
            customer = customerDirectory.changeBillingDetails(customer.id(), billing.toInput());
            billing = BillingForm.of(customer.billingDetails());
            PageMessages.doneKey("account.saved");
        } catch (DomainException refused) {
            PageMessages.refused(refused);
        }
    }

    /** Closes the account once the box is ticked, then signs out: the session's user no longer exists. */
    public void close() throws IOException, ServletException {
        if (!confirmClosing) {
            PageMessages.refusedKey("account.closeConfirmFirst");
            return;
        }
        ExternalContext external = facesContext.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        try {
            accountClosing.close(customer.id(), WebSession.acting(request).orElseThrow(), ClientAddress.ofRequest(),
                    AuditEntry.Channel.WEB);
        } catch (DomainException refused) {
            PageMessages.refused(refused);
            return;
        }
        request.logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/?closed=true");
    }

    public CustomerView getCustomer() {
        return customer;
    }

    public BillingForm getBilling() {
        return billing;
    }

    public List<SelectItem> getCountries() {
        return BillingForm.countries(facesContext.getViewRoot().getLocale());
    }

    public boolean isConfirmClosing() {
        return confirmClosing;
    }

    public void setConfirmClosing(boolean confirmClosing) {
        this.confirmClosing = confirmClosing;
    }
}
