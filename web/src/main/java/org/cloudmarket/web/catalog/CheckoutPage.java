package org.cloudmarket.web.catalog;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.cloudmarket.catalog.service.ExtraResourceView;
import org.cloudmarket.catalog.service.PlanView;
import org.cloudmarket.catalog.service.ProductView;
import org.cloudmarket.channel.service.StorefrontCatalog;
import org.cloudmarket.ordering.domain.OrderType;
import org.cloudmarket.ordering.service.OrderView;
import org.cloudmarket.ordering.service.OrderingSettings;
import org.cloudmarket.ordering.service.Orders;
import org.cloudmarket.ordering.service.PlaceOrder;
import org.cloudmarket.ordering.service.QuoteCommand;
import org.cloudmarket.ordering.service.QuoteView;
import org.cloudmarket.ordering.service.Quotes;
import org.cloudmarket.shared.error.DomainException;
import org.cloudmarket.shared.error.NotFound;
import org.cloudmarket.web.backoffice.FieldMessages;
import org.cloudmarket.web.backoffice.PageMessages;
import org.cloudmarket.web.catalog.CheckoutChoices.Method;
import org.cloudmarket.web.storefront.Branding;

/**
 * The storefront's checkout (/checkout.xhtml?plan=): duration, chosen extra resources, coupon,
 * payment method and the storefront's terms, priced as the product page's calculator prices (the
 * same Quotes service, refreshed as the buyer changes a field). Only a signed-in customer buys; a
 * visitor is sent to sign in and comes back here. The service decides; the page asks and shows.
 */
@Named
@ViewScoped
public class CheckoutPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The services' field names and the form's component ids they are shown at. */
    static final Map<String, String> FIELDS = Map.of("duration", "duration", "couponCode", "coupon", "paymentMethod",
            "paymentMethod", "extraResources", "extras", "acceptTerms", "acceptTerms");

    @Inject
    private StorefrontCatalog catalog;

    @Inject
    private Quotes quotes;

    @Inject
    private Branding branding;

    @Inject
    private Orders orders;

    private Long planId;
    /** A free trial (the product page's "Try"): no duration, extras, coupon or payment method to choose. */
    private boolean trial;
    private final PurchaseChoices choices = new PurchaseChoices();
    private String paymentMethod;
    private boolean acceptTerms;

    // read again after a passivation: views of the catalog and the quote are not kept with the session
    private transient ProductView product;
    private transient PlanView plan;
    private transient QuoteView quote;
    private transient String quoteError;

    /** The view action: a visitor signs in first (and comes back), a plan not on sale here is the 404 page. */
    public void open() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        if (external.getUserPrincipal() == null) {
            String back = "/checkout.xhtml" + (planId == null ? "" : "?plan=" + planId + (trial ? "&trial=true" : ""));
            external.redirect(external.getRequestContextPath() + "/login.xhtml?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8));
            return;
        }
        if (getPlan() == null || !isSells() || trial && !getPlan().trialAllowed()) {
            external.responseSendError(HttpServletResponse.SC_NOT_FOUND, "No such plan on sale here");
            faces.responseComplete();
            return;
        }
        if (choices.getDuration() == null) {
            choices.startWith(getPlan());
            paymentMethod = CheckoutChoices.preselected(getPaymentMethods());
        }
    }

    /** Whether this storefront transacts: the standard catalog mode with prices shown. */
    public boolean isSells() {
        return branding.getStorefront().catalogMode().sells() && catalog.showsPrices();
    }

    /** Whether the signed-in user buys for itself here: a customer (staff order for theirs from the back-office). */
    public boolean isCustomer() {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole("CUSTOMER");
    }

    public ProductView getProduct() {
        getPlan();
        return product;
    }

    public PlanView getPlan() {
        if (plan == null && planId != null) {
            try {
                product = catalog.byPlan(planId);
                plan = product.plans().stream().filter(offered -> offered.id() == planId).findFirst().orElse(null);
            } catch (NotFound missing) {
                product = null;
            }
        }
        return plan;
    }

    public List<Integer> getDurations() {
        return CheckoutChoices.durations(getPlan() == null ? 1 : getPlan().minimumDuration());
    }

    public List<ExtraResourceView> getChosenExtras() {
        return PurchaseChoices.chosenExtras(getPlan());
    }

    public List<Method> getPaymentMethods() {
        return getPlan() == null ? List.of() : CheckoutChoices.methods(getPlan().paymentMethods(),
                marketplaceMethods(catalog.marketplacePaymentMethods()));
    }

    /** The price of the current choices, as the calculator shows it; null with {@link #getQuoteError()} when refused. */
    public QuoteView getQuote() {
        if (quote == null && quoteError == null && getPlan() != null && choices.getDuration() != null) {
            try {
                quote = quotes.quote(new QuoteCommand(planId, choices.getDuration(), choices.asked(), choices.getCoupon(), Map.of(), null));
            } catch (DomainException refused) {
                quoteError = refused.getMessage();
            }
        }
        return quote;
    }

    public String getQuoteError() {
        getQuote();
        return quoteError;
    }

    /** An input changed: price it again. */
    public void requote() {
        quote = null;
        quoteError = null;
    }

    /**
     * Places the order through Orders.place, as POST /orders does; the service checks everything
     * again and a refusal is shown next to the field it names. Then the confirmation page.
     */
    public void submit() throws IOException {
        if (!acceptTerms) {
            FacesContext.getCurrentInstance().addMessage("checkout:acceptTerms",
                    new jakarta.faces.application.FacesMessage(jakarta.faces.application.FacesMessage.SEVERITY_ERROR,
                            PageMessages.text("checkout.acceptFirst"), null));
            return;
        }
        OrderView placed;
        try {
            placed = orders.place(new PlaceOrder(planId, trial ? getPlan().minimumDuration() : choices.getDuration(),
                    trial ? Map.of() : choices.asked(), trial ? null : choices.getCoupon(), null, null, trial ? OrderType.TRIAL : OrderType.NORMAL,
                    trial || paymentMethod == null ? null : CheckoutChoices.method(paymentMethod)));
        } catch (DomainException refused) {
            FieldMessages.refused("checkout", FIELDS, refused);
            return;
        }
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + "/order.xhtml?id=" + placed.id());
    }

    /** The terms shown above the box: the storefront's own, or the default sentence naming it. */
    public String getTerms() {
        String terms = branding.getStorefront().details().checkoutTerms();
        return terms == null || terms.isBlank() ? PageMessages.text("checkout.terms.default").replace("{0}", branding.getStorefront().name())
                : terms;
    }

    /** The tenant's {@code payments.methods} through ordering's one rule (absent: every method). */
    static java.util.Set<org.cloudmarket.catalog.domain.PaymentMethod> marketplaceMethods(String setting) {
        Map<String, String> settings = new java.util.HashMap<>();
        settings.put("payments.methods", setting);
        return OrderingSettings.of(settings).paymentMethods();
    }

    public Long getPlanId() {
        return planId;
    }

    public void setPlanId(Long planId) {
        this.planId = planId;
    }

    public boolean isTrial() {
        return trial;
    }

    public void setTrial(boolean trial) {
        this.trial = trial;
    }

    public PurchaseChoices getChoices() {
        return choices;
    }

    public String getPaymentMethod() {
        return paymentMethod;
    }

    public void setPaymentMethod(String paymentMethod) {
        this.paymentMethod = paymentMethod;
    }

    public boolean isAcceptTerms() {
        return acceptTerms;
    }

    public void setAcceptTerms(boolean acceptTerms) {
        this.acceptTerms = acceptTerms;
    }
}
