package org.cloudmarket.web.backoffice;

import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cloudmarket.catalog.service.CatalogQuery;
import org.cloudmarket.catalog.service.ExtraResourceView;
import org.cloudmarket.catalog.service.PlanView;
import org.cloudmarket.catalog.service.ProductSummary;
import org.cloudmarket.catalog.service.ProductView;
import org.cloudmarket.channel.service.StorefrontCatalog;
import org.cloudmarket.customer.service.CustomerDirectory;
import org.cloudmarket.ordering.domain.OrderType;
import org.cloudmarket.ordering.service.OrderView;
import org.cloudmarket.ordering.service.Orders;
import org.cloudmarket.ordering.service.PlaceOrder;
import org.cloudmarket.shared.error.DomainException;
import org.cloudmarket.web.catalog.CheckoutChoices;
import org.cloudmarket.web.catalog.PurchaseChoices;

/**
 * A seller's push order (/backoffice/push-order.xhtml): a reseller, or the tenant's ADMIN, orders a
 * plan of its storefront for one of its own customers (Orders.place with the customer's id; the
 * service checks the customer is the caller's and applies the push auto-approval setting).
 */
@Named
@ViewScoped
public class PushOrderPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The services' field names and the push form's component ids. */
    private static final Map<String, String> FIELDS = Map.of("customerId", "customer", "planId", "plan", "duration", "duration",
            "couponCode", "coupon", "extraResources", "extras");

    @Inject
    private Orders orders;

    @Inject
    private CustomerDirectory customers;

    @Inject
    private StorefrontCatalog catalog;

    private Long customerId;
    private Long planId;
    private final PurchaseChoices choices = new PurchaseChoices();

    private transient List<SelectItem> customerItems;
    private transient Map<Long, ProductView> productsByPlan;

    /** The caller's own open customers (a reseller's, or the marketplace's own for the ADMIN). */
    public List<SelectItem> getCustomers() {
        if (customerItems == null) {
            boolean admin = FacesContext.getCurrentInstance().getExternalContext().isUserInRole("ADMIN");
            customerItems = customers.list().stream().filter(c -> c.closedAt() == null && (!admin || c.resellerId() == null))
                    .map(c -> new SelectItem(c.id(), c.name())).toList();
        }
        return customerItems;
    }

    /** Every plan this storefront sells, grouped by product. */
    public List<SelectItem> getPlans() {
        List<SelectItem> items = new ArrayList<>();
        products().forEach((id, product) -> product.plans().stream().filter(plan -> plan.id() == id)
                .forEach(plan -> items.add(new SelectItem(plan.id(), product.name() + " " + plan.name()))));
        return items;
    }

    private Map<Long, ProductView> products() {
        if (productsByPlan == null) {
            productsByPlan = new LinkedHashMap<>();
            for (ProductSummary summary : catalog.search(new CatalogQuery(null, null, null, null, null, false, 0, CatalogQuery.MAX_SIZE))
                    .items()) {
                ProductView product = catalog.bySlug(summary.slug());
                product.plans().forEach(plan -> productsByPlan.put(plan.id(), product));
            }
        }
        return productsByPlan;
    }

    public PlanView getPlan() {
        ProductView product = planId == null ? null : products().get(planId);
        return product == null ? null : product.plans().stream().filter(plan -> plan.id() == planId).findFirst().orElse(null);
    }

    public List<Integer> getDurations() {
        return CheckoutChoices.durations(getPlan() == null ? 1 : getPlan().minimumDuration());
    }

    public List<ExtraResourceView> getChosenExtras() {
        return PurchaseChoices.chosenExtras(getPlan());
    }

    /** Another plan picked: its own minimum term and extra resources. */
    public void planChanged() {
        if (getPlan() != null) {
            choices.startWith(getPlan());
        }
    }

    public void place() throws IOException {
        OrderView placed;
        try {
            placed = orders.place(new PlaceOrder(planId, choices.getDuration(), choices.asked(), choices.getCoupon(), null, customerId,
                    OrderType.NORMAL, null));
        } catch (DomainException refused) {
            FieldMessages.refused("push", FIELDS, refused);
            return;
        }
        PageMessages.done(MessageFormat.format(PageMessages.text("push.placed"), String.valueOf(placed.id())));
        PageMessages.keepForNextPage();
        var external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + "/backoffice/orders.xhtml");
    }

    public Long getCustomerId() {
        return customerId;
    }

    public void setCustomerId(Long customerId) {
        this.customerId = customerId;
    }

    public Long getPlanId() {
        return planId;
    }

    public void setPlanId(Long planId) {
        this.planId = planId;
    }

    public PurchaseChoices getChoices() {
        return choices;
    }
}
