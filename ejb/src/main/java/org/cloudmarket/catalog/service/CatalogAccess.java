package org.cloudmarket.catalog.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import org.cloudmarket.catalog.domain.Product;
import org.cloudmarket.catalog.domain.ProductStatus;
import org.cloudmarket.catalog.domain.VendorRegistration;
import org.cloudmarket.catalog.domain.VendorStatus;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.identity.service.Caller;
import org.cloudmarket.shared.error.Conflict;
import org.cloudmarket.shared.error.Forbidden;
import org.cloudmarket.shared.error.NotFound;
import org.cloudmarket.tenancy.domain.Organization;

/**
 * Who may read and change which product, in one place. Anyone reads a published product; its
 * vendor and the tenant's staff read it in every status; only its vendor changes it. A product the
 * caller may not read is "not found", so that drafts do not reveal that they exist.
 */
@Dependent
public class CatalogAccess {

    @Inject
    private EntityManager entityManager;

    @Inject
    private Caller caller;

    public Product readable(long productId) {
        Product product = entityManager.find(Product.class, productId);
        if (product == null || !mayRead(product, caller.current())) {
            throw new NotFound("Product " + productId + " was not found");
        }
        return product;
    }

    public Product editable(long productId) {
        Product product = readable(productId);
        Organization vendor = vendorOf(caller.user());
        if (!product.getVendor().getId().equals(vendor.getId())) {
            throw new Forbidden("Only " + product.getVendor().getName() + " can change " + product.getName());
        }
        return product;
    }

    static boolean mayRead(Product product, Optional<User> user) {
        return product.getStatus() == ProductStatus.PUBLISHED || seesEverything(product, user);
    }

    /** Its vendor and the tenant's staff see a product in every status, with its review decisions. */
    static boolean seesEverything(Product product, Optional<User> user) {
        return user.map(reader -> isStaff(reader) || isVendorOf(reader, product)).orElse(false);
    }

    static boolean isStaff(User user) {
        return user.getRole().isTenantStaff();
    }

    private static boolean isVendorOf(User user, Product product) {
        return user.getRole() == Role.VENDOR
                && user.getOrganization().map(org -> org.getId().equals(product.getVendor().getId())).orElse(false);
    }

    /** Products are submitted only by vendors the marketplace approved. */
    public void requireApproved(Organization vendor) {
        VendorStatus status = entityManager.createNamedQuery(VendorRegistration.OF_ORGANIZATION, VendorRegistration.class)
                .setParameter("organization", vendor.getId()).getResultStream().findFirst()
                .map(VendorRegistration::getStatus).orElse(null);
        if (status != VendorStatus.APPROVED) {
            throw new Conflict(vendor.getName() + (status == null ? " has not applied as a vendor yet"
                    : "'s vendor registration is " + status.name().toLowerCase())
                    + ": products can be submitted once the marketplace approves the vendor");
        }
    }

    /** A product its vendor, or the tenant's admin, may publish or retire. */
    public Product publishable(long productId) {
        Product product = readable(productId);
        User user = caller.user();
        if (user.getRole() == Role.ADMIN) {
            return product;
        }
        return editable(productId);
    }

    /** The vendor organization a VENDOR user works for. */
    public Organization vendorOf(User user) {
        if (user.getRole() != Role.VENDOR || user.getOrganization().isEmpty()) {
            throw new Forbidden("Only a vendor's users manage its products");
        }
        return user.getOrganization().get();
    }
}
