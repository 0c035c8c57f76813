package org.cloudmarket.web.catalog;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.cloudmarket.channel.service.StorefrontCatalog;
import org.cloudmarket.web.storefront.Branding;

/** Days and instants as the storefront's language writes them, in the marketplace's zone (where its periods start). */
@Named("dates")
@RequestScoped
public class Dates {

    @Inject
    private Branding branding;

    @Inject
    private StorefrontCatalog catalog;

    private ZoneId zone;

    public String day(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(branding.getLocale()).withZone(zone())
                .format(instant);
    }

    public String time(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(branding.getLocale()).withZone(zone()).format(instant);
    }

    private ZoneId zone() {
        if (zone == null) {
            zone = catalog.marketplaceZone();
        }
        return zone;
    }
}
