package org.cloudmarket.web.catalog;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.Map;
import org.cloudmarket.channel.service.StorefrontCatalog;
import org.cloudmarket.shared.error.NotFound;

/**
 * "Product Plan" for an order's plan id, as this storefront's catalog names it (orders carry the
 * plan's id only); a plan no longer on sale here is shown by its id. Once per plan and request.
 */
@Named("planNames")
@RequestScoped
public class PlanNames {

    @Inject
    private StorefrontCatalog catalog;

    private final Map<Long, String> names = new HashMap<>();

    public String name(long planId) {
        return names.computeIfAbsent(planId, id -> {
            try {
                var product = catalog.byPlan(id);
                return product.plans().stream().filter(plan -> plan.id() == id).findFirst()
                        .map(plan -> product.name() + " " + plan.name()).orElse(product.name());
            } catch (NotFound notOnSale) {
                return "#" + id;
            }
        });
    }
}
