package org.cloudmarket.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.List;
import org.cloudmarket.catalog.service.CatalogPage;
import org.cloudmarket.catalog.service.CatalogQuery;
import org.cloudmarket.catalog.service.CategoryView;
import org.cloudmarket.catalog.service.StorefrontCategories;
import org.cloudmarket.catalog.service.ProductView;
import org.cloudmarket.channel.service.StorefrontCatalog;
import org.cloudmarket.shared.error.InvalidInput;

/** The published catalog of the host's storefront: no sign-in needed. */
@Path("catalog")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

    @Inject
    private StorefrontCatalog catalog;

    @Inject
    private StorefrontCategories categories;

    @GET
    public CatalogPage search(@QueryParam("q") String text, @QueryParam("category") String category,
                              @QueryParam("vendor") String vendor, @QueryParam("minPrice") String minPrice,
                              @QueryParam("maxPrice") String maxPrice, @QueryParam("freeTrial") String freeTrial,
                              @QueryParam("page") String page, @QueryParam("size") String size) {
        BigDecimal vendorId = Inputs.decimal("vendor", vendor);
        if (vendorId != null && (vendorId.signum() <= 0 || vendorId.scale() > 0)) {
            throw new InvalidInput("vendor", "vendor is a vendor's id");
        }
        return catalog.search(new CatalogQuery(text, category, vendorId == null ? null : vendorId.longValueExact(),
                Inputs.decimal("minPrice", minPrice), Inputs.decimal("maxPrice", maxPrice), "true".equalsIgnoreCase(freeTrial),
                Inputs.integer("page", page, 0), Inputs.integer("size", size, 12)));
    }

    @GET
    @Path("categories")
    public List<CategoryView> categories() {
        return categories.ofStorefront();
    }

    @GET
    @Path("{slug}")
    public ProductView product(@PathParam("slug") String slug) {
        return catalog.bySlug(slug);
    }
}
