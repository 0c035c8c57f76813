package org.cloudmarket.web.catalog;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cloudmarket.catalog.service.ExtraResourceView;
import org.cloudmarket.catalog.service.PlanView;

/**
 * What a buyer picks for a plan, as the checkout and the push-order form hold it: a duration among
 * the multiples of the minimum term, a quantity per chosen extra resource (prepaid or post-paid), and a coupon.
 */
public class PurchaseChoices implements Serializable {

    private static final long serialVersionUID = 1L;

    private Integer duration;
    private final Map<String, Long> extras = new LinkedHashMap<>();
    private String coupon;

    /** The plan's first duration and no extra resource: how a form opens, and starts again on another plan. */
    public void startWith(PlanView plan) {
        duration = CheckoutChoices.durations(plan.minimumDuration()).get(0);
        extras.clear();
        chosenExtras(plan).forEach(extra -> extras.put(extra.code(), 0L));
    }

    /**
     * One input per extra resource whose quantity the buyer chooses: PRE_PAID (billed with the license) and POST_PAID
     * (billed at the period's end); pay-as-you-go ones are measured by their metric, not bought.
     */
    public static List<ExtraResourceView> chosenExtras(PlanView plan) {
        return plan == null ? List.of() : plan.extraResources().stream()
                .filter(ExtraResourceView::chosen).toList();
    }

    /** The quantities asked for: zero or empty inputs ask for nothing (a negative one is the service's to refuse). */
    public Map<String, Long> asked() {
        Map<String, Long> asked = new LinkedHashMap<>();
        extras.forEach((code, quantity) -> {
            if (quantity != null && quantity != 0) {
                asked.put(code, quantity);
            }
        });
        return asked;
    }

    public Integer getDuration() {
        return duration;
    }

    public void setDuration(Integer duration) {
        this.duration = duration;
    }

    public Map<String, Long> getExtras() {
        return extras;
    }

    public String getCoupon() {
        return coupon;
    }

    public void setCoupon(String coupon) {
        this.coupon = coupon;
    }
}
