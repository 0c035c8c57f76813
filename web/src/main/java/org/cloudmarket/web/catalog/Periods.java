package org.cloudmarket.web.catalog;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.text.MessageFormat;

/** Billing periods in the storefront's language: "every month", "ogni 3 mesi", "24 hours". */
@Named("periods")
@RequestScoped
public class Periods {

    /** How often a plan bills: "every month", "every 12 hours". */
    public String every(int frequency, String unit) {
        return format("HOURS".equals(unit) ? "billing.everyHours" : "billing.everyMonths", frequency);
    }

    /** A length: "1 month", "24 hours". */
    public String length(int count, String unit) {
        return format("HOURS".equals(unit) ? "billing.hours" : "billing.months", count);
    }

    private static String format(String key, int count) {
        FacesContext faces = FacesContext.getCurrentInstance();
        String pattern = faces.getApplication().getResourceBundle(faces, "msg").getString(key);
        return new MessageFormat(pattern, faces.getViewRoot().getLocale()).format(new Object[] {count});
    }
}
