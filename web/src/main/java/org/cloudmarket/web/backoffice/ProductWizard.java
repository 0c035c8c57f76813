package org.cloudmarket.web.backoffice;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.ResourceBundle;
import org.cloudmarket.catalog.domain.ExtraResourceTerms;
import org.cloudmarket.catalog.domain.PaymentMethod;
import org.cloudmarket.catalog.domain.PlanTerms;
import org.cloudmarket.catalog.domain.ProductDetails;
import org.cloudmarket.catalog.service.CategoryView;
import org.cloudmarket.catalog.service.ProductDirectory;
import org.cloudmarket.catalog.service.ProductEditor;
import org.cloudmarket.catalog.service.ProductView;
import org.cloudmarket.pricing.BillingUnit;
import org.cloudmarket.pricing.PricingScheme;
import org.cloudmarket.pricing.Tier;
import org.cloudmarket.pricing.TierTable;
import org.cloudmarket.shared.error.DomainException;
import org.cloudmarket.shared.error.InvalidInput;
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

    private String planName = "Standard";
    private BigDecimal licensePrice = BigDecimal.ZERO;
    private BigDecimal setupFee = BigDecimal.ZERO;
    private int billingFrequency = 1;
    private BillingUnit billingUnit = BillingUnit.MONTHS;
    private int minimumDuration = 1;
    private boolean trialAllowed = true;
    private boolean approvalRequired;
    private boolean selfBilled;
    private String[] paymentMethods = Arrays.stream(PaymentMethod.values()).map(Enum::name).toArray(String[]::new);

    private boolean withExtraResource;
    private String extraCode;
    private String extraName;
    private String extraUnit;
    private boolean extraPrepaid = true;
    private PricingScheme scheme = PricingScheme.TIERED;
    private final List<TierRow> tiers = new ArrayList<>(List.of(new TierRow(1L, 9L, new BigDecimal("5.00")),
            new TierRow(10L, null, new BigDecimal("3.00"))));
    private long sampleQuantity = 15;

    /** Checks the step being left, so that a mistake is shown where it was made. */
    public String onFlowProcess(FlowEvent event) {
        if (isBack(event)) {
            return event.getNewStep();
        }
        try {
            switch (event.getOldStep()) {
                case "details" -> details();
                case "plan" -> plan();
                case "extra" -> extraResources();
                default -> { }
            }
            return event.getNewStep();
        } catch (DomainException invalid) {
            error(invalid);
            return event.getOldStep();
        }
    }

    public void save(boolean submit) throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            ProductView saved = editor.onboard(details(), plan(), extraResources(), submit);
            faces.getExternalContext().getFlash().setKeepMessages(true);
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                    MessageFormat.format(bundle(faces).getString("wizard.saved"), saved.name(), saved.status()), null));
            faces.getExternalContext().redirect(faces.getExternalContext().getRequestContextPath() + "/backoffice/products.xhtml");
        } catch (DomainException refused) {
            error(refused);
        }
    }

    /** What the sample quantity costs per period under the tiers as typed so far, or why it cannot be priced. */
    public String getSamplePrice() {
        try {
            BigDecimal price = scheme.price(tierTable(), sampleQuantity);
            Currency currency = editor.currency();
            return MessageFormat.format(bundle(FacesContext.getCurrentInstance()).getString("wizard.samplePrice"), sampleQuantity,
                    price.setScale(currency.getDefaultFractionDigits(), java.math.RoundingMode.HALF_UP).toPlainString() + " "
                            + currency.getCurrencyCode());
        } catch (DomainException | IllegalArgumentException invalid) {
            return invalid.getMessage();
        }
    }

    public void addTier() {
        TierRow last = tiers.isEmpty() ? null : tiers.get(tiers.size() - 1);
        long from = last == null ? 1 : (last.getTo() == null ? (last.getFrom() == null ? 1 : last.getFrom() + 10) : last.getTo() + 1);
        if (last != null && last.getTo() == null && last.getFrom() != null) {
            last.setTo(from - 1);
        }
        tiers.add(new TierRow(from, null, BigDecimal.ZERO));
    }

    public void removeTier(TierRow row) {
        tiers.remove(row);
    }

    private ProductDetails details() {
        return new ProductDetails(name, summary, description, categoryId,
                tags == null ? List.of() : Arrays.asList(tags.split(",")), null, null, null, trialDays);
    }

    private PlanTerms plan() {
        return new PlanTerms(planName, editor.currency(), licensePrice, setupFee, billingFrequency, billingUnit, minimumDuration,
                trialAllowed, approvalRequired, selfBilled, paymentMethods.length == 0 ? null
                : EnumSet.copyOf(Arrays.stream(paymentMethods).map(PaymentMethod::valueOf).toList()));
    }

    private List<ExtraResourceTerms> extraResources() {
        if (!withExtraResource) {
            return List.of();
        }
        return List.of(new ExtraResourceTerms(extraCode, extraName, extraUnit, extraPrepaid, scheme, tierTable()));
    }

    private TierTable tierTable() {
        List<Tier> rows = new ArrayList<>();
        for (int i = 0; i < tiers.size(); i++) {
            TierRow row = tiers.get(i);
            if (row.getFrom() == null || row.getPrice() == null) {
                throw new InvalidInput("tiers", "Tier " + (i + 1) + " needs a start and a price");
            }
            rows.add(new Tier(row.getFrom(), row.getTo(), row.getPrice()));
        }
        return new TierTable(rows);
    }

    private static boolean isBack(FlowEvent event) {
        List<String> order = List.of("details", "plan", "extra", "review");
        return order.indexOf(event.getNewStep()) < order.indexOf(event.getOldStep());
    }

    private static void error(DomainException failure) {
        String field = failure instanceof InvalidInput invalid ? invalid.field() + ": " : "";
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, field + failure.getMessage(), null));
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

    public PricingScheme[] getSchemes() {
        return PricingScheme.values();
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
    public String getPlanName() { return planName; }
    public void setPlanName(String planName) { this.planName = planName; }
    public BigDecimal getLicensePrice() { return licensePrice; }
    public void setLicensePrice(BigDecimal licensePrice) { this.licensePrice = licensePrice; }
    public BigDecimal getSetupFee() { return setupFee; }
    public void setSetupFee(BigDecimal setupFee) { this.setupFee = setupFee; }
    public int getBillingFrequency() { return billingFrequency; }
    public void setBillingFrequency(int billingFrequency) { this.billingFrequency = billingFrequency; }
    public BillingUnit getBillingUnit() { return billingUnit; }
    public void setBillingUnit(BillingUnit billingUnit) { this.billingUnit = billingUnit; }
    public int getMinimumDuration() { return minimumDuration; }
    public void setMinimumDuration(int minimumDuration) { this.minimumDuration = minimumDuration; }
    public boolean isTrialAllowed() { return trialAllowed; }
    public void setTrialAllowed(boolean trialAllowed) { this.trialAllowed = trialAllowed; }
    public boolean isApprovalRequired() { return approvalRequired; }
    public void setApprovalRequired(boolean approvalRequired) { this.approvalRequired = approvalRequired; }
    public boolean isSelfBilled() { return selfBilled; }
    public void setSelfBilled(boolean selfBilled) { this.selfBilled = selfBilled; }
    public String[] getPaymentMethods() { return paymentMethods; }
    public void setPaymentMethods(String[] paymentMethods) { this.paymentMethods = paymentMethods; }
    public boolean isWithExtraResource() { return withExtraResource; }
    public void setWithExtraResource(boolean withExtraResource) { this.withExtraResource = withExtraResource; }
    public String getExtraCode() { return extraCode; }
    public void setExtraCode(String extraCode) { this.extraCode = extraCode; }
    public String getExtraName() { return extraName; }
    public void setExtraName(String extraName) { this.extraName = extraName; }
    public String getExtraUnit() { return extraUnit; }
    public void setExtraUnit(String extraUnit) { this.extraUnit = extraUnit; }
    public boolean isExtraPrepaid() { return extraPrepaid; }
    public void setExtraPrepaid(boolean extraPrepaid) { this.extraPrepaid = extraPrepaid; }
    public PricingScheme getScheme() { return scheme; }
    public void setScheme(PricingScheme scheme) { this.scheme = scheme; }
    public List<TierRow> getTiers() { return tiers; }
    public long getSampleQuantity() { return sampleQuantity; }
    public void setSampleQuantity(long sampleQuantity) { this.sampleQuantity = sampleQuantity; }
}
