package org.cloudmarket.web.catalog;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.cloudmarket.catalog.service.ProductDirectory;
import org.cloudmarket.catalog.service.ProductView;
import org.cloudmarket.channel.service.StorefrontCatalog;
import org.cloudmarket.shared.error.NotFound;
import org.cloudmarket.web.storefront.Branding;

/**
 * A published product of the storefront, by slug. By id, its vendor and the tenant's staff also
 * preview it in any status (the approval queue links here). Anything else is the 404 page.
 */
@Named
@RequestScoped
public class ProductPage {

    @Inject
    private FacesContext facesContext;

    @Inject
    private StorefrontCatalog catalog;

    @Inject
    private ProductDirectory directory;

    @Inject
    private Branding branding;

    private ProductView product;

    @PostConstruct
    void load() {
        Map<String, String> parameters = facesContext.getExternalContext().getRequestParameterMap();
        String slug = parameters.get("slug");
        String id = parameters.get("id");
        try {
            product = slug != null ? catalog.bySlug(slug)
                    : id != null && id.matches("\\d{1,18}") ? directory.get(Long.parseLong(id)) : null;
            if (product != null && slug == null && product.status().equals("PUBLISHED")) {
                product = catalog.bySlug(product.slug()); // on sale: at this storefront's prices, if it sells it
            }
        } catch (NotFound missing) {
            product = null;
        }
        if (product == null) {
            try {
                facesContext.getExternalContext().responseSendError(HttpServletResponse.SC_NOT_FOUND, "No such product");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            facesContext.responseComplete();
        }
    }

    /** Only what is on sale is priced for buyers; a preview shows the plans without the calculator. */
    public boolean isOnSale() {
        return product != null && product.status().equals("PUBLISHED") && catalog.showsPrices();
    }

    /** Buy and Try buttons: only where the storefront transacts (standard catalog mode) and the product is on sale. */
    public boolean isSells() {
        return isOnSale() && branding.getStorefront().catalogMode().sells();
    }

    public ProductView getProduct() {
        return product;
    }
}
