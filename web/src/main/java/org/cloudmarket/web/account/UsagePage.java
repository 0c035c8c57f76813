package org.cloudmarket.web.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.time.ZoneId;
import org.cloudmarket.channel.service.StorefrontCatalog;
import org.cloudmarket.metering.service.UsageViews;
import org.cloudmarket.metering.service.UsageViews.Dashboard;
import org.cloudmarket.metering.service.UsageViews.MetricUsage;
import org.cloudmarket.shared.error.DomainException;
import org.cloudmarket.web.backoffice.PageMessages;
import org.cloudmarket.web.storefront.Branding;

/**
 * The usage dashboard of one subscription (/account/usage.xhtml?subscription=): per metric the period so far, its
 * estimated cost and quota, and its charts. A subscription the caller may not see is "not found", never data.
 */
@Named
@RequestScoped
public class UsagePage {

    @Inject
    private UsageViews usageViews;

    @Inject
    private StorefrontCatalog catalog;

    @Inject
    private Branding branding;

    private Long subscription;
    private Dashboard dashboard;
    private ZoneId zone;

    public void load() {
        if (subscription == null) {
            PageMessages.refusedKey("usage.notFound");
            return;
        }
        try {
            dashboard = usageViews.dashboard(subscription);
        } catch (DomainException refused) {
            PageMessages.refusedKey("usage.notFound");
        }
    }

    public String hourlyChart(MetricUsage metric) {
        return UsageCharts.line(metric, zone(), branding.getLocale());
    }

    public String dailyChart(MetricUsage metric) {
        return UsageCharts.bars(metric, zone(), branding.getLocale());
    }

    /** A quantity as the page writes it: no trailing zeros, at most four decimals. */
    public String quantity(BigDecimal value) {
        return value == null ? "" : value.setScale(Math.min(4, Math.max(0, value.stripTrailingZeros().scale())), java.math.RoundingMode.HALF_UP)
                .toPlainString();
    }

    private ZoneId zone() {
        if (zone == null) {
            zone = catalog.marketplaceZone();
        }
        return zone;
    }

    public Dashboard getDashboard() {
        return dashboard;
    }

    public Long getSubscription() {
        return subscription;
    }

    public void setSubscription(Long subscription) {
        this.subscription = subscription;
    }
}
