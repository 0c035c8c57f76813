package org.cloudmarket.web.catalog;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cloudmarket.catalog.service.CatalogPage;
import org.cloudmarket.catalog.service.CatalogQuery;
import org.cloudmarket.catalog.service.CategoryView;
import org.cloudmarket.catalog.service.StorefrontCategories;
import org.cloudmarket.catalog.service.PublishedCatalog;
import org.cloudmarket.channel.service.StorefrontCatalog;
import org.cloudmarket.shared.error.DomainException;
import org.cloudmarket.shared.money.Decimals;

/**
 * The storefront catalog: a plain GET form, so that every search and page is a link one can
 * bookmark and share. Bad filters become a message above an empty result, never an error page.
 */
@Named
@RequestScoped
public class CatalogBrowser {

    static final int PAGE_SIZE = 9;

    @Inject
    private FacesContext facesContext;

    @Inject
    private StorefrontCatalog catalog;

    @Inject
    private PublishedCatalog published;

    @Inject
    private StorefrontCategories categories;

    private final Map<String, String> filters = new LinkedHashMap<>();
    private CatalogPage result;

    @PostConstruct
    void search() {
        Map<String, String> parameters = facesContext.getExternalContext().getRequestParameterMap();
        for (String name : List.of("q", "category", "vendor", "minPrice", "maxPrice", "trial")) {
            String value = parameters.get(name);
            if (value != null && !value.isBlank()) {
                filters.put(name, value.strip());
            }
        }
        try {
            result = catalog.search(new CatalogQuery(filters.get("q"), filters.get("category"), number("vendor") == null ? null
                    : number("vendor").longValueExact(), number("minPrice"), number("maxPrice"), filters.containsKey("trial"),
                    page(parameters.get("page")), PAGE_SIZE));
        } catch (DomainException | ArithmeticException refused) {
            facesContext.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, refused.getMessage(), null));
            result = new CatalogPage(List.of(), 0, PAGE_SIZE, 0);
        }
    }

    /** A filter within the one bound of client decimals: 1e999999999 is a message, not a billion digits. */
    private BigDecimal number(String name) {
        return Decimals.parse(name, filters.get(name));
    }

    private static int page(String value) {
        try {
            return value == null ? 0 : Math.max(0, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public boolean isShowsPrices() {
        return catalog.showsPrices();
    }

    public CatalogPage getResult() {
        return result;
    }

    public String filter(String name) {
        return filters.getOrDefault(name, "");
    }

    public boolean isFiltered() {
        return !filters.isEmpty();
    }

    public List<CategoryView> getCategories() {
        return categories.ofStorefront();
    }

    public Map<Long, String> getVendors() {
        return published.vendors();
    }

    /** The link to another page of the same search. */
    public String pageLink(int page) {
        StringBuilder link = new StringBuilder("catalog.xhtml?page=").append(page);
        filters.forEach((name, value) -> link.append('&').append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return link.toString();
    }

    /**
     * The pages the pager links to: the first, the last and the few around the current one, so that
     * a page's size does not grow with the catalog's.
     */
    public List<Integer> getPageNumbers() {
        int last = result.pages() - 1;
        return java.util.stream.IntStream.rangeClosed(0, last)
                .filter(n -> n == 0 || n == last || Math.abs(n - result.page()) <= PAGER_REACH)
                .boxed().toList();
    }

    private static final int PAGER_REACH = 3;
}
