package org.cloudmarket.web.backoffice;

import jakarta.faces.view.ViewScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import org.cloudmarket.catalog.service.ProductDirectory;
import org.cloudmarket.catalog.service.ProductEditor;
import org.cloudmarket.catalog.service.ProductSummary;
import org.cloudmarket.catalog.service.ProductView;
import org.cloudmarket.catalog.service.VendorOnboarding;
import org.cloudmarket.catalog.service.VendorRegistrationView;
import org.cloudmarket.messaging.service.MessageView;
import org.cloudmarket.messaging.service.Messages;
import org.cloudmarket.shared.error.DomainException;

/**
 * The products the user works on: a vendor's own, or the whole catalog for the tenant's staff.
 * View-scoped so that a button acts on the row that was shown, even if the list changed since.
 */
@Named
@ViewScoped
public class ProductsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ProductDirectory directory;

    @Inject
    private ProductEditor editor;

    @Inject
    private VendorOnboarding onboarding;

    @Inject
    private Messages messages;

    private transient List<ProductSummary> products;

    public List<ProductSummary> getProducts() {
        if (products == null) {
            products = directory.list();
        }
        return products;
    }

    public boolean isVendor() {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole("VENDOR");
    }

    public boolean isAdmin() {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole("ADMIN");
    }

    public Optional<VendorRegistrationView> getRegistration() {
        return isVendor() ? onboarding.mine() : Optional.empty();
    }

    public List<MessageView> getMessages() {
        return isVendor() ? messages.mine(5) : List.of();
    }

    public void apply() {
        try {
            onboarding.apply();
            PageMessages.done("Your registration is sent: the marketplace will answer in your messages.");
        } catch (DomainException refused) {
            PageMessages.refused(refused);
        }
    }

    public void submit(long productId) {
        act(editor::submit, productId);
    }

    public void publish(long productId) {
        act(editor::publish, productId);
    }

    public void retire(long productId) {
        act(editor::retire, productId);
    }

    private void act(LongFunction<ProductView> action, long productId) {
        try {
            ProductView product = action.apply(productId);
            PageMessages.done(product.name() + " is now " + product.status() + ".");
            products = null;
        } catch (DomainException refused) {
            PageMessages.refused(refused);
        }
    }
}
