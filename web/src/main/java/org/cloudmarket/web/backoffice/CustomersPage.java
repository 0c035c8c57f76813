package org.cloudmarket.web.backoffice;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.cloudmarket.customer.service.CustomerDirectory;
import org.cloudmarket.identity.domain.AuditEntry.Channel;
import org.cloudmarket.customer.service.CustomerView;
import org.cloudmarket.customer.service.NewCustomer;
import org.cloudmarket.shared.error.DomainException;

/**
 * The customers the signed-in party may see (/backoffice/customers.xhtml), scoped as the API is
 * (CustomerVisibility); one customer's billing details with {@code ?id=}; a reseller (or the
 * staff) adds a customer of its own.
 */
@Named
@RequestScoped
public class CustomersPage {

    @Inject
    private FacesContext facesContext;

    @Inject
    private CustomerDirectory customerDirectory;

    private List<CustomerView> customers;
    private Long selectedId;
    private CustomerView selected;
    private String email;
    private BillingForm billing = new BillingForm();

    public List<CustomerView> getCustomers() {
        if (customers == null) {
            customers = customerDirectory.list();
        }
        return customers;
    }

    /** The customer of {@code ?id=}; a message when the caller may not see it ("not found"). */
    public void loadSelected() {
        if (selectedId != null) {
            try {
                selected = customerDirectory.get(selectedId);
            } catch (DomainException refused) {
                PageMessages.refused(refused);
            }
        }
    }

    public CustomerView getSelected() {
        return selected;
    }

    public boolean isMayCreate() {
        var external = facesContext.getExternalContext();
        return external.isUserInRole("RESELLER") || external.isUserInRole("ADMIN") || external.isUserInRole("SUPERVISOR");
    }

    public void create() {
        try {
            CustomerView created = customerDirectory.create(new NewCustomer(email, billing.toInput()), ClientAddress.ofRequest(),
                    Channel.WEB);
            PageMessages.done(PageMessages.text("customers.created") + " " + created.name());
            customers = null;
            email = null;
            billing = new BillingForm();
        } catch (DomainException refused) {
            PageMessages.refused(refused);
        }
    }

    public List<SelectItem> getCountries() {
        return BillingForm.countries(facesContext.getViewRoot().getLocale());
    }

    public Long getSelectedId() {
        return selectedId;
    }

    public void setSelectedId(Long selectedId) {
        this.selectedId = selectedId;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public BillingForm getBilling() {
        return billing;
    }
}
