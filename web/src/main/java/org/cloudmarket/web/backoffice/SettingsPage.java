package org.cloudmarket.web.backoffice;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.cloudmarket.shared.error.DomainException;
import org.cloudmarket.shared.error.NotFound;
import org.cloudmarket.tenancy.service.SellerBillingDetails;

/**
 * A seller's or vendor's own billing details (/backoffice/settings.xhtml), which its invoices and
 * statements carry; the marketplace's own for its staff (a supervisor only reads them).
 */
@Named
@RequestScoped
public class SettingsPage {

    @Inject
    private FacesContext facesContext;

    @Inject
    private SellerBillingDetails sellerBillingDetails;

    private BillingForm billing;
    private boolean given;

    @PostConstruct
    void load() {
        try {
            billing = BillingForm.of(sellerBillingDetails.get());
            given = true;
        } catch (NotFound none) {
            billing = new BillingForm();
        }
    }

    public void save() {
        try {
            billing = BillingForm.of(sellerBillingDetails.change(billing.toInput()));
            given = true;
            PageMessages.doneKey("settings.saved");
        } catch (DomainException refused) {
            PageMessages.refused(refused);
        }
    }

    public boolean isReadOnly() {
        return facesContext.getExternalContext().isUserInRole("SUPERVISOR");
    }

    public boolean isGiven() {
        return given;
    }

    public BillingForm getBilling() {
        return billing;
    }

    public List<SelectItem> getCountries() {
        return BillingForm.countries(facesContext.getViewRoot().getLocale());
    }
}
