package org.cloudmarket.web.backoffice;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cloudmarket.catalog.service.ProductReview;
import org.cloudmarket.catalog.service.ProductSummary;
import org.cloudmarket.catalog.service.ProductView;
import org.cloudmarket.catalog.service.VendorOnboarding;
import org.cloudmarket.catalog.service.VendorRegistrationView;
import org.cloudmarket.shared.error.DomainException;

/** The approval queue: submitted products and pending vendor registrations, each decided with a reason. */
@Named
@ViewScoped
public class ApprovalsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ProductReview review;

    @Inject
    private VendorOnboarding onboarding;

    /** The reasons typed next to each product and each registration, by id. */
    private final Map<Long, String> productReasons = new HashMap<>();
    private final Map<Long, String> vendorReasons = new HashMap<>();

    private transient List<ProductSummary> products;
    private transient List<VendorRegistrationView> registrations;

    public List<ProductSummary> getProducts() {
        if (products == null) {
            products = review.queue();
        }
        return products;
    }

    public List<VendorRegistrationView> getRegistrations() {
        if (registrations == null) {
            registrations = onboarding.list().stream().filter(registration -> registration.status().equals("PENDING")).toList();
        }
        return registrations;
    }

    public Map<Long, String> getProductReasons() {
        return productReasons;
    }

    public Map<Long, String> getVendorReasons() {
        return vendorReasons;
    }

    public void decideProduct(long productId, boolean approve) {
        try {
            ProductView product = review.decide(productId, approve, productReasons.get(productId));
            productReasons.remove(productId);
            products = null;
            PageMessages.done(product.name() + " is " + product.status() + ".");
        } catch (DomainException refused) {
            PageMessages.refused(refused);
        }
    }

    public void decideVendor(long registrationId, boolean approve) {
        try {
            VendorRegistrationView registration = onboarding.decide(registrationId, approve, vendorReasons.get(registrationId));
            vendorReasons.remove(registrationId);
            registrations = null;
            PageMessages.done(registration.organizationName() + " is " + registration.status() + ".");
        } catch (DomainException refused) {
            PageMessages.refused(refused);
        }
    }
}
