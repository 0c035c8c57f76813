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
import org.cloudmarket.catalog.service.PlatformFees;
import org.cloudmarket.shared.error.DomainException;
import org.cloudmarket.shared.money.Decimals;

/**
 * The tenant ADMIN's platform fee per extra resource (/backoffice/platform-fees.xhtml), where it is not the
 * marketplace's; blank gives the resource the marketplace's fee again. One form per resource, fields
 * {@code platform-fee-<resource id>}.
 */
@Named
@ViewScoped
public class PlatformFeesPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private PlatformFees platformFees;

    private transient List<PlatformFees.Row> rows;
    /** The typed fees as text (a map's values get no converter in EL): bounded by Decimals when saved. */
    private final Map<Long, String> fees = new HashMap<>();

    public List<PlatformFees.Row> getResources() {
        if (rows == null) {
            rows = platformFees.list();
            rows.forEach(row -> fees.putIfAbsent(row.resourceId(),
                    row.platformFeePercent() == null ? "" : row.platformFeePercent().toPlainString()));
        }
        return rows;
    }

    public Map<Long, String> getFees() {
        return fees;
    }

    public void save(long productId, long planId, long resourceId) throws IOException {
        try {
            BigDecimal fee = Decimals.parse(PlatformFees.FIELD, fees.get(resourceId));
            platformFees.set(productId, planId, resourceId, fee);
            PageMessages.done(fee == null ? PageMessages.text("platformFees.cleared")
                    : MessageFormat.format(PageMessages.text("platformFees.saved"), fee.toPlainString()));
        } catch (DomainException refused) {
            PageMessages.refused(refused);
            return;
        }
        PageMessages.keepForNextPage();
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + "/backoffice/platform-fees.xhtml");
    }
}
