package org.cloudmarket.web.catalog;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.cloudmarket.catalog.service.ProductView;
import org.cloudmarket.catalog.service.PublishedCatalog;
import org.cloudmarket.shared.error.NotFound;

/** A published product of the storefront, by slug; anything else is the storefront's 404 page. */
@Named
@RequestScoped
public class ProductPage {

    @Inject
    private FacesContext facesContext;

    @Inject
    private PublishedCatalog catalog;

    private ProductView product;

    @PostConstruct
    void load() {
        String slug = facesContext.getExternalContext().getRequestParameterMap().get("slug");
        try {
            product = slug == null ? null : catalog.bySlug(slug);
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

    public ProductView getProduct() {
        return product;
    }
}
