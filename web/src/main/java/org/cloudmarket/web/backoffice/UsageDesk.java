package org.cloudmarket.web.backoffice;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.cloudmarket.metering.service.UsageViews;
import org.cloudmarket.metering.service.UsageViews.ReadingRow;
import org.cloudmarket.metering.service.UsageViews.RefusalRow;
import org.cloudmarket.metering.service.UsageViews.Rows;

/**
 * The vendor's usage (/backoffice/usage.xhtml): its last readings, newest first, a page at a time, and the readings the
 * intake refused with their code and reason, of one subscription ({@code ?subscription=}) or all; the tenant's staff
 * see every vendor's, with the customer's name.
 */
@Named
@RequestScoped
public class UsageDesk {

    @Inject
    private UsageViews usageViews;

    private Long subscription;
    private int page;
    private Rows<ReadingRow> readings;
    private List<RefusalRow> refusals;

    public Rows<ReadingRow> getReadings() {
        if (readings == null) {
            readings = usageViews.readings(subscription, page);
        }
        return readings;
    }

    public List<RefusalRow> getRefusals() {
        if (refusals == null) {
            refusals = usageViews.refusals(subscription);
        }
        return refusals;
    }

    public boolean isBuyerShown() {
        return usageViews.showsBuyers();
    }

    public Long getSubscription() {
        return subscription;
    }

    public void setSubscription(Long subscription) {
        this.subscription = subscription;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = Math.max(page, 0);
    }
}
