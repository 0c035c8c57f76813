package org.cloudmarket.web.backoffice;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cloudmarket.catalog.service.PlanTrialCosts;
import org.cloudmarket.shared.error.DomainException;
import org.cloudmarket.shared.money.Decimals;

/**
 * The tenant ADMIN's daily trial and sandbox cost of each plan (/backoffice/trial-costs.xhtml), charged to the vendors
 * monthly; vendors have no such field in their plan editor. One form per plan, fields {@code trial-cost-<plan id>}.
 */
@Named
@ViewScoped
public class TrialCostsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private PlanTrialCosts trialCosts;

    private transient List<PlanTrialCosts.Row> rows;
    /** The typed costs as text (a map's values get no converter in EL): bounded by Decimals when saved. */
    private final Map<Long, String> costs = new HashMap<>();

    public List<PlanTrialCosts.Row> getPlans() {
        if (rows == null) {
            rows = trialCosts.list();
            rows.forEach(row -> costs.putIfAbsent(row.planId(), row.dailyTrialCost().toPlainString()));
        }
        return rows;
    }

    public Map<Long, String> getCosts() {
        return costs;
    }

    public void save(long productId, long planId) throws IOException {
        try {
            BigDecimal cost = Decimals.parse("dailyTrialCost", costs.get(planId));
            trialCosts.set(productId, planId, cost);
            PageMessages.done(MessageFormat.format(PageMessages.text("trialCosts.saved"), cost.toPlainString()));
        } catch (DomainException refused) {
            PageMessages.refused(refused);
            return;
        }
        PageMessages.keepForNextPage();
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + "/backoffice/trial-costs.xhtml");
    }
}
