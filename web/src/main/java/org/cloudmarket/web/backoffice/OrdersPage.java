package org.cloudmarket.web.backoffice;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cloudmarket.ordering.service.OrderQuery;
import org.cloudmarket.ordering.service.OrderView;
import org.cloudmarket.ordering.service.Orders;
import org.cloudmarket.shared.error.DomainException;
import org.cloudmarket.shared.paging.PageRequest;

/**
 * The orders the signed-in party may see (/backoffice/orders.xhtml, Orders.list in its PartyScope)
 * and the approval queue of an auditor: per order a reason and approve / reject buttons with the
 * order's id in theirs. View-scoped so that the rows a decision posts back are the rows shown;
 * each decision reloads the page afresh (its message kept across the redirect).
 */
@Named
@ViewScoped
public class OrdersPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private Orders orders;

    private transient List<OrderView> rows;
    private List<Long> queueIds;
    private final Map<Long, String> reasons = new HashMap<>();

    /** The newest hundred orders; the API pages further. */
    public List<OrderView> getOrders() {
        if (rows == null) {
            rows = orders.list(new OrderQuery(new PageRequest(null, PageRequest.MAX_LIMIT), null, null, null, null)).items();
        }
        return rows;
    }

    /**
     * The orders waiting for this caller's decision: the auditor is the reseller on its storefront,
     * the vendor on the marketplace's, and the tenant's staff for any (Orders.awaitingDecision, by the rule approve applies).
     * Kept with the view, so that the buttons a decision posts from are the ones rendered.
     */
    public List<OrderView> getQueue() {
        if (queueIds == null) {
            queueIds = orders.awaitingDecision().stream().map(OrderView::id).toList();
        }
        return queueIds.stream().map(id -> getOrders().stream().filter(order -> order.id() == id).findFirst().orElseGet(() -> orders.read(id)))
                .toList();
    }

    public void approve(long id) throws IOException {
        decide(id, true);
    }

    public void reject(long id) throws IOException {
        decide(id, false);
    }

    private void decide(long id, boolean approved) throws IOException {
        try {
            OrderView decided = approved ? orders.approve(id) : orders.reject(id, reasons.get(id));
            PageMessages.done(MessageFormat.format(PageMessages.text(approved ? "orders.approved" : "orders.rejectedDone"),
                    String.valueOf(decided.id())));
        } catch (DomainException refused) {
            PageMessages.refused(refused);
        }
        PageMessages.keepForNextPage();
        var external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + "/backoffice/orders.xhtml");
    }

    public Map<Long, String> getReasons() {
        return reasons;
    }
}
