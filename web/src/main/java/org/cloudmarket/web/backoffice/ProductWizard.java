package org.cloudmarket.web.backoffice;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ResourceBundle;
import org.cloudmarket.catalog.domain.PaymentMethod;
import org.cloudmarket.catalog.domain.ProductDetails;
import org.cloudmarket.catalog.domain.PollFrequency;
import org.cloudmarket.catalog.service.CategoryView;
import org.cloudmarket.catalog.service.PlanDraft;
import org.cloudmarket.catalog.service.ProductDirectory;
import org.cloudmarket.catalog.service.ProductEditor;
import org.cloudmarket.catalog.service.ProductView;
import org.cloudmarket.pricing.BillingUnit;
import org.cloudmarket.pricing.ExtraResourceBilling;
import org.cloudmarket.pricing.MetricPricing;
import org.cloudmarket.pricing.PricingScheme;
import org.cloudmarket.shared.error.DomainException;
import org.primefaces.event.FlowEvent;

/**
 * The onboarding wizard: details, a plan, an optional extra resource with its tiers, review.
 * Each step is checked by the domain's own rules before the next one opens; saving writes
 * everything in one transaction.
 */
@Named
@ViewScoped
public class ProductWizard implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ProductEditor editor;

    @Inject
    private ProductDirectory directory;

    private String name;
    private String summary;
    private String description;
    private Long categoryId;
    private String tags;
    private int trialDays;

    /** The plan being edited, and those already added before it. */
    private PlanForm plan = new PlanForm();
    private final List<PlanForm> addedPlans = new ArrayList<>();

    /** Checks the step being left, so that a mistake is shown where it was made. */
    public String onFlowProcess(FlowEvent event) {
        if (isBack(event)) {
            return event.getNewStep();
        }
        try {
            switch (event.getOldStep()) {
                case "details" -> details();
                case "plan" -> plan.terms(editor.currency());
                case "extra" -> plan.checkExtra();
                default -> { }
            }
            return event.getNewStep();
        } catch (DomainException invalid) {
            PageMessages.refused(invalid);
            return event.getOldStep();
        }
    }

    public void save(boolean submit) throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            List<PlanDraft> plans = new ArrayList<>();
            for (PlanForm form : getPlans()) {
                plans.add(new PlanDraft(form.terms(editor.currency()), form.metrics(), form.extraResources()));
            }
            ProductView saved = editor.onboard(details(), plans, submit);
            faces.getExternalContext().getFlash().setKeepMessages(true);
            PageMessages.done(MessageFormat.format(bundle(faces).getString("wizard.saved"), saved.name(), saved.status()));
            faces.getExternalContext().redirect(faces.getExternalContext().getRequestContextPath() + "/backoffice/products.xhtml");
        } catch (DomainException refused) {
            PageMessages.refused(refused);
        }
    }

    /** Adds the plan being edited to the product and opens a fresh one. */
    public void anotherPlan() {
        try {
            plan.terms(editor.currency());
            plan.checkExtra();
            addedPlans.add(plan);
            plan = new PlanForm();
        } catch (DomainException invalid) {
            PageMessages.refused(invalid);
        }
    }

    /** Every plan the product will have: those added, then the one being edited. */
    public List<PlanForm> getPlans() {
        List<PlanForm> all = new ArrayList<>(addedPlans);
        all.add(plan);
        return all;
    }

    public String getSamplePrice() {
        return plan.samplePrice(editor.currency(), bundle(FacesContext.getCurrentInstance()).getString("wizard.samplePrice"));
    }

    private ProductDetails details() {
        return new ProductDetails(name, summary, description, categoryId,
                tags == null ? List.of() : Arrays.asList(tags.split(",")), null, null, null, trialDays);
    }

    private static boolean isBack(FlowEvent event) {
        List<String> order = List.of("details", "plan", "extra", "review");
        return order.indexOf(event.getNewStep()) < order.indexOf(event.getOldStep());
    }

    private static ResourceBundle bundle(FacesContext faces) {
        return faces.getApplication().getResourceBundle(faces, "msg");
    }

    public List<CategoryView> getCategories() {
        return directory.categories();
    }

    public BillingUnit[] getBillingUnits() {
        return BillingUnit.values();
    }

    public PaymentMethod[] getAllPaymentMethods() {
        return PaymentMethod.values();
    }

    public ExtraResourceBilling[] getBillings() {
        return ExtraResourceBilling.values();
    }

    public MetricPricing.Kind[] getMetricKinds() {
        return MetricPricing.Kind.values();
    }

    /** The functions a metric of the chosen kind may have: a gauge AVERAGE or PEAK, a counter INCREASE or VALUE. */
    public List<MetricPricing.Aggregation> getMetricAggregations() {
        return Arrays.stream(MetricPricing.Aggregation.values()).filter(aggregation -> aggregation.suits(plan.getMetricKind())).toList();
    }

    public PollFrequency[] getFrequencies() {
        return PollFrequency.values();
    }

    public PricingScheme[] getSchemes() {
        return PricingScheme.values();
    }

    public PlanForm getPlan() {
        return plan;
    }

    // form bindings

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getSummary() { return summary; }
    public void setSummary(String summary) { this.summary = summary; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public Long getCategoryId() { return categoryId; }
    public void setCategoryId(Long categoryId) { this.categoryId = categoryId; }
    public String getTags() { return tags; }
    public void setTags(String tags) { this.tags = tags; }
    public int getTrialDays() { return trialDays; }
    public void setTrialDays(int trialDays) { this.trialDays = trialDays; }
}
