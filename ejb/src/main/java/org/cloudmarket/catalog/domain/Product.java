package org.cloudmarket.catalog.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.cloudmarket.shared.error.Conflict;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.persistence.TenantOwned;
import org.cloudmarket.tenancy.domain.Organization;

/**
 * A vendor's product: its marketing data, its plans and its place in onboarding. Every change of
 * status goes through one method here, which refuses a step the workflow does not allow.
 */
@Entity
@Table(name = "product")
@NamedQuery(name = Product.OF_VENDOR, query = "SELECT p FROM Product p WHERE p.vendor.id = :vendor ORDER BY p.updatedAt DESC")
@NamedQuery(name = Product.ALL, query = "SELECT p FROM Product p ORDER BY p.updatedAt DESC")
@NamedQuery(name = Product.WITH_STATUS, query = "SELECT p FROM Product p WHERE p.status = :status ORDER BY p.updatedAt")
@NamedQuery(name = Product.SLUG_TAKEN, query = "SELECT COUNT(p) FROM Product p WHERE p.slug = :slug")
public class Product extends TenantOwned {

    public static final String OF_VENDOR = "Product.ofVendor";
    public static final String ALL = "Product.all";
    public static final String WITH_STATUS = "Product.withStatus";
    public static final String SLUG_TAKEN = "Product.slugTaken";

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "vendor_id")
    private Organization vendor;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "category_id")
    private Category category;

    @Enumerated(EnumType.STRING)
    private ProductKind kind;

    private String name;

    private String slug;

    private String summary;

    private String description;

    /** Comma-separated, lower case: searched with LIKE, shown as chips. */
    private String tags;

    private String faq;

    private String terms;

    private String privacy;

    @Column(name = "trial_days")
    private int trialDays;

    /** The product-level switch: every plan's orders wait for approval. */
    @Column(name = "approval_required")
    private boolean approvalRequired;

    /** The lowest price per month among its plans (BillingUnit.perMonth), fixed at submission: what the catalog filters by. */
    @Column(name = "from_price")
    private BigDecimal fromPrice;

    @Enumerated(EnumType.STRING)
    private ProductStatus status;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    @OneToMany(mappedBy = "product", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<Plan> plans = new ArrayList<>();

    @Version
    private long version;

    protected Product() {
    }

    public Product(Organization vendor, ProductKind kind, String slug, Instant now) {
        this.vendor = vendor;
        this.kind = kind;
        this.slug = slug;
        this.status = ProductStatus.DRAFT;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void describe(ProductDetails details, Category category, Instant now) {
        requireEditable();
        this.name = details.name();
        this.summary = details.summary();
        this.description = details.description();
        this.category = category;
        this.tags = details.tags().isEmpty() ? null : String.join(",", details.tags());
        this.faq = details.faq();
        this.terms = details.terms();
        this.privacy = details.privacy();
        this.trialDays = details.trialDays();
        this.updatedAt = now;
    }

    public Plan addPlan(PlanTerms terms, Instant now) {
        requireEditable();
        if (plans.stream().anyMatch(plan -> plan.getName().equalsIgnoreCase(terms.name()))) {
            throw new InvalidInput("name", name + " already has a plan named " + terms.name());
        }
        if (kind == ProductKind.BUNDLE && (terms.license().signum() != 0 || terms.setupFee().signum() != 0)) {
            throw new InvalidInput("licensePrice", "A bundle costs the sum of its discounted plans: its own prices are zero");
        }
        Plan plan = new Plan(this, plans.size(), terms);
        plans.add(plan);
        this.updatedAt = now;
        return plan;
    }

    public void removePlan(Plan plan, Instant now) {
        requireEditable();
        plans.remove(plan);
        this.updatedAt = now;
    }

    /** Editing a plan or its parts goes through its product, which must still be editable. */
    public void touch(Instant now) {
        requireEditable();
        this.updatedAt = now;
    }

    public void submit(Instant now) {
        requireEditable();
        if (plans.isEmpty()) {
            throw new InvalidInput("plans", name + " needs at least one plan before it is submitted");
        }
        if (kind == ProductKind.BUNDLE && plans.stream().anyMatch(plan -> plan.getBundleItems().size() < 2)) {
            throw new InvalidInput("plans", "Every plan of a bundle is made of plans of two products or more");
        }
        move(ProductStatus.SUBMITTED, now, ProductStatus.DRAFT, ProductStatus.REJECTED);
        // per month, so that an hourly plan is not "cheaper" than a monthly one for being billed by the hour
        this.fromPrice = plans.stream().map(Plan::monthlyPrice).min(Comparator.naturalOrder()).orElseThrow();
    }

    public void approve(Instant now) {
        move(ProductStatus.APPROVED, now, ProductStatus.SUBMITTED);
    }

    public void reject(Instant now) {
        move(ProductStatus.REJECTED, now, ProductStatus.SUBMITTED);
    }

    public void publish(Instant now) {
        move(ProductStatus.PUBLISHED, now, ProductStatus.APPROVED, ProductStatus.RETIRED);
        this.publishedAt = now;
    }

    public void retire(Instant now) {
        move(ProductStatus.RETIRED, now, ProductStatus.PUBLISHED);
    }

    private void move(ProductStatus to, Instant now, ProductStatus... from) {
        if (!Arrays.asList(from).contains(status)) {
            throw new Conflict(name + " is " + status + ": only a product that is " + Arrays.toString(from)
                    + " can become " + to);
        }
        this.status = to;
        this.updatedAt = now;
    }

    private void requireEditable() {
        if (!status.isEditable()) {
            throw new Conflict(name + " is " + status + ": only a DRAFT or REJECTED product can be changed");
        }
    }

    public Organization getVendor() {
        return vendor;
    }

    public Optional<Category> getCategory() {
        return Optional.ofNullable(category);
    }

    public ProductKind getKind() {
        return kind;
    }

    public String getName() {
        return name;
    }

    public String getSlug() {
        return slug;
    }

    public String getSummary() {
        return summary;
    }

    public String getDescription() {
        return description;
    }

    public List<String> getTags() {
        return tags == null ? List.of() : List.of(tags.split(","));
    }

    public String getFaq() {
        return faq;
    }

    public String getTerms() {
        return terms;
    }

    public String getPrivacy() {
        return privacy;
    }

    public int getTrialDays() {
        return trialDays;
    }

    public Optional<BigDecimal> getFromPrice() {
        return Optional.ofNullable(fromPrice);
    }

    public ProductStatus getStatus() {
        return status;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Optional<Instant> getPublishedAt() {
        return Optional.ofNullable(publishedAt);
    }

    public boolean isApprovalRequired() {
        return approvalRequired;
    }

    public void requireApproval(boolean required) {
        this.approvalRequired = required;
    }

    public List<Plan> getPlans() {
        return List.copyOf(plans);
    }

    public Optional<Plan> plan(long planId) {
        return plans.stream().filter(plan -> Long.valueOf(planId).equals(plan.getId())).findFirst();
    }
}
