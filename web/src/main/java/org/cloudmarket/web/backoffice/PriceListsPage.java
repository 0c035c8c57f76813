package org.cloudmarket.web.backoffice;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.cloudmarket.channel.service.CostView;
import org.cloudmarket.channel.service.PriceListView;
import org.cloudmarket.channel.service.PriceLists;
import org.cloudmarket.shared.error.DomainException;
import org.cloudmarket.shared.error.InvalidInput;

/**
 * The channel's price lists in the back-office: the caller's own lists (every list for the
 * tenant's staff), new lists, assignments, the storefront default, and what the caller pays.
 * What each role may see and do is decided by the service; the page only offers it.
 */
@Named
@ViewScoped
public class PriceListsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private PriceLists priceLists;

    private String newName;
    private BigDecimal newMarkup;
    /** The buyer chosen next to each list, by list id (as the page submits it: text). */
    private final Map<Long, String> assignTo = new HashMap<>();

    private transient List<PriceListView> lists;
    private transient List<CostView> costs;
    private transient List<PriceLists.Buyer> buyers;

    public List<PriceListView> getLists() {
        if (lists == null) {
            lists = priceLists.visible();
        }
        return lists;
    }

    public List<CostView> getCosts() {
        if (costs == null) {
            costs = buys() ? priceLists.costs() : List.of();
        }
        return costs;
    }

    public List<PriceLists.Buyer> getBuyers() {
        if (buyers == null) {
            buyers = writes() ? priceLists.buyers() : List.of();
        }
        return buyers;
    }

    /** Whether the caller writes lists: the admin (wholesale), distributors and resellers. */
    public boolean writes() {
        return role("ADMIN") || role("DISTRIBUTOR") || role("RESELLER");
    }

    /** Whether the caller buys through the channel, and so has costs. */
    public boolean buys() {
        return role("DISTRIBUTOR") || role("RESELLER");
    }

    public boolean isReseller() {
        return role("RESELLER");
    }

    public void create() {
        act(() -> priceLists.create(newName, newMarkup), "created");
        newName = null;
        newMarkup = null;
    }

    public void assign(long listId) {
        String buyer = assignTo.get(listId);
        act(() -> {
            if (buyer == null || !buyer.matches("\\d{1,18}")) {
                throw new InvalidInput("organizationId", "Choose whom to assign the list to");
            }
            return priceLists.assign(listId, Long.parseLong(buyer));
        }, "assigned");
    }

    public void makeDefault(long listId) {
        act(() -> priceLists.makeStorefrontDefault(listId), "now prices your storefront");
    }

    private void act(Supplier<PriceListView> action, String done) {
        try {
            PriceListView list = action.get();
            PageMessages.done(list.name() + ": " + done + ".");
            lists = null;
        } catch (DomainException refused) {
            PageMessages.refused(refused);
        }
    }

    private static boolean role(String role) {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole(role);
    }

    public String getNewName() { return newName; }
    public void setNewName(String newName) { this.newName = newName; }
    public BigDecimal getNewMarkup() { return newMarkup; }
    public void setNewMarkup(BigDecimal newMarkup) { this.newMarkup = newMarkup; }
    public Map<Long, String> getAssignTo() { return assignTo; }
}
