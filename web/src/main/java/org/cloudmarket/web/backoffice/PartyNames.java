package org.cloudmarket.web.backoffice;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.Map;
import org.cloudmarket.customer.service.CustomerDirectory;
import org.cloudmarket.customer.service.CustomerView;

/**
 * A customer's name for back-office rows that carry its id (orders), as CustomerDirectory shows it
 * to the caller; a caller that sees no customers (a vendor) sees the id only, as the API shows it.
 */
@Named("partyNames")
@RequestScoped
public class PartyNames {

    @Inject
    private CustomerDirectory customers;

    private Map<Long, String> names;

    public String customer(Long id) {
        if (id == null) {
            return "";
        }
        String name = names().get(id);
        return name == null || name.isBlank() ? "#" + id : name;
    }

    private Map<Long, String> names() {
        if (names == null) {
            names = new HashMap<>();
            var external = FacesContext.getCurrentInstance().getExternalContext();
            if (external.isUserInRole("ADMIN") || external.isUserInRole("SUPERVISOR") || external.isUserInRole("RESELLER")
                    || external.isUserInRole("DISTRIBUTOR")) {
                for (CustomerView customer : customers.list()) {
                    names.put(customer.id(), customer.name());
                }
            }
        }
        return names;
    }
}
