package org.cloudmarket.web.backoffice;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cloudmarket.catalog.domain.ExtraResourceTerms;
import org.cloudmarket.catalog.service.BundleComponentRef;
import org.cloudmarket.catalog.service.CategoryView;
import org.cloudmarket.channel.service.CostView;
import org.cloudmarket.channel.service.PriceLists;
import org.cloudmarket.channel.service.ResellerBundles;
import org.cloudmarket.channel.service.ResellerCategories;
import org.cloudmarket.channel.service.ResellerServiceView;
import org.cloudmarket.channel.service.ResellerServices;
import org.cloudmarket.ordering.domain.Coupon;
import org.cloudmarket.ordering.domain.CouponTerms;
import org.cloudmarket.ordering.service.CouponView;
import org.cloudmarket.ordering.service.Coupons;
import org.cloudmarket.pricing.Coupon.DiscountDestination;
import org.cloudmarket.pricing.ExtraResourceBilling;
import org.cloudmarket.pricing.PricingScheme;
import org.cloudmarket.pricing.Tier;
import org.cloudmarket.pricing.TierTable;
import org.cloudmarket.shared.error.DomainException;
import org.cloudmarket.shared.error.InvalidInput;

/**
 * A reseller's own offers over what it resells: value-added services, coupons, categories and
 * bundles. The services decide what the reseller may do; the page offers the plans it resells.
 */
@Named
@ViewScoped
public class OffersPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ResellerServices services;

    @Inject
    private Coupons coupons;

    @Inject
    private ResellerCategories categories;

    @Inject
    private ResellerBundles bundles;

    @Inject
    private PriceLists priceLists;

    /**
     * Kept with the view's state like every other injected service: CDI injects a field once, so a
     * transient one would be null after the session is passivated or replicated. The system clock
     * is serializable, and CDI refuses to inject one that is not into this view-scoped page.
     */
    @Inject
    private Clock clock;

    // a new service: one price per unit
    private Long servicePlan;
    private String serviceCode;
    private String serviceName;
    private String serviceUnit;
    private BigDecimal serviceUnitPrice;
    private ExtraResourceBilling serviceBilling = ExtraResourceBilling.PRE_PAID;

    // a new coupon: a percentage off
    private String couponCode;
    private BigDecimal couponPercent;
    private DiscountDestination couponDestination = DiscountDestination.LICENSE;
    private Integer couponDays;
    private boolean couponReusable = true;

    private String categoryName;
    private Long categoryId;
    private Long categoryProduct;

    private String bundleName;
    private String bundleSummary;
    private Long bundleFirst;
    private Long bundleSecond;
    private BigDecimal bundleDiscount;

    private transient List<CostView> resold;

    /** The plans the reseller resells, by plan id: "Product Plan". */
    public Map<String, Long> getPlans() {
        Map<String, Long> plans = new LinkedHashMap<>();
        resold().forEach(cost -> plans.put(cost.productName() + " " + cost.planName(), cost.planId()));
        return plans;
    }

    /** The products the reseller resells, by product id. */
    public Map<String, Long> getProducts() {
        Map<String, Long> products = new LinkedHashMap<>();
        resold().forEach(cost -> products.putIfAbsent(cost.productName(), cost.productId()));
        return products;
    }

    public List<ResellerServiceView> getServices() {
        return services.mine();
    }

    public List<CouponView> getCoupons() {
        return coupons.mine();
    }

    public List<CategoryView> getCategories() {
        return categories.mine();
    }

    public List<ResellerBundles.BundleView> getBundles() {
        return bundles.mine();
    }

    public DiscountDestination[] getDestinations() {
        return DiscountDestination.values();
    }

    public void addService() {
        act(() -> {
            TierTable price = TierTable.of(new Tier(1, null, required("unitPrice", serviceUnitPrice)));
            services.add(required("planId", servicePlan),
                    new ExtraResourceTerms(serviceCode, serviceName, serviceUnit, serviceBilling, PricingScheme.TIERED, price));
            serviceCode = serviceName = serviceUnit = null;
            serviceUnitPrice = null;
            return "Service added: your storefront offers it with the plan.";
        });
    }

    public void removeService(long id) {
        act(() -> {
            services.remove(id);
            return "Service removed.";
        });
    }

    public void issueCoupon() {
        act(() -> {
            Instant now = clock.instant();
            Instant until = couponDays == null ? null : now.plus(Duration.ofDays(couponDays));
            CouponView issued = coupons.issue(null, null, new CouponTerms(couponCode, Coupon.Effect.PERCENT_OFF, couponPercent, null,
                    couponDestination, null, now, until, couponReusable, null));
            couponCode = null;
            couponPercent = null;
            return "Coupon " + issued.code() + " issued: it is valid on your storefront.";
        });
    }

    public void createCategory() {
        act(() -> {
            CategoryView created = categories.create(categoryName);
            categoryName = null;
            return "Category " + created.name() + " created.";
        });
    }

    public void addToCategory() {
        act(() -> {
            categories.add(required("categoryId", categoryId), required("productId", categoryProduct));
            return "Product added to the category.";
        });
    }

    public void createBundle() {
        act(() -> {
            BigDecimal discount = bundleDiscount == null ? BigDecimal.ZERO : bundleDiscount;
            List<BundleComponentRef> parts = new ArrayList<>();
            parts.add(new BundleComponentRef(required("components", bundleFirst), discount));
            parts.add(new BundleComponentRef(required("components", bundleSecond), discount));
            String slug = bundles.create(bundleName, bundleSummary, parts);
            bundleName = bundleSummary = null;
            return "Bundle published on your storefront: /product.xhtml?slug=" + slug;
        });
    }

    private List<CostView> resold() {
        if (resold == null) {
            resold = priceLists.costs();
        }
        return resold;
    }

    private static <T> T required(String field, T value) {
        if (value == null) {
            throw new InvalidInput(field, field + " is required");
        }
        return value;
    }

    private static void act(java.util.function.Supplier<String> action) {
        try {
            PageMessages.done(action.get());
        } catch (DomainException refused) {
            PageMessages.refused(refused);
        }
    }

    // form bindings

    public Long getServicePlan() { return servicePlan; }
    public void setServicePlan(Long servicePlan) { this.servicePlan = servicePlan; }
    public String getServiceCode() { return serviceCode; }
    public void setServiceCode(String serviceCode) { this.serviceCode = serviceCode; }
    public String getServiceName() { return serviceName; }
    public void setServiceName(String serviceName) { this.serviceName = serviceName; }
    public String getServiceUnit() { return serviceUnit; }
    public void setServiceUnit(String serviceUnit) { this.serviceUnit = serviceUnit; }
    public BigDecimal getServiceUnitPrice() { return serviceUnitPrice; }
    public void setServiceUnitPrice(BigDecimal serviceUnitPrice) { this.serviceUnitPrice = serviceUnitPrice; }
    public ExtraResourceBilling getServiceBilling() { return serviceBilling; }
    public void setServiceBilling(ExtraResourceBilling serviceBilling) { this.serviceBilling = serviceBilling; }

    /** A reseller's service is bought: PRE_PAID or POST_PAID (only a vendor's metric measures pay-as-you-go usage). */
    public List<ExtraResourceBilling> getServiceBillings() {
        return java.util.Arrays.stream(ExtraResourceBilling.values()).filter(ExtraResourceBilling::chosen).toList();
    }
    public String getCouponCode() { return couponCode; }
    public void setCouponCode(String couponCode) { this.couponCode = couponCode; }
    public BigDecimal getCouponPercent() { return couponPercent; }
    public void setCouponPercent(BigDecimal couponPercent) { this.couponPercent = couponPercent; }
    public DiscountDestination getCouponDestination() { return couponDestination; }
    public void setCouponDestination(DiscountDestination couponDestination) { this.couponDestination = couponDestination; }
    public Integer getCouponDays() { return couponDays; }
    public void setCouponDays(Integer couponDays) { this.couponDays = couponDays; }
    public boolean isCouponReusable() { return couponReusable; }
    public void setCouponReusable(boolean couponReusable) { this.couponReusable = couponReusable; }
    public String getCategoryName() { return categoryName; }
    public void setCategoryName(String categoryName) { this.categoryName = categoryName; }
    public Long getCategoryId() { return categoryId; }
    public void setCategoryId(Long categoryId) { this.categoryId = categoryId; }
    public Long getCategoryProduct() { return categoryProduct; }
    public void setCategoryProduct(Long categoryProduct) { this.categoryProduct = categoryProduct; }
    public String getBundleName() { return bundleName; }
    public void setBundleName(String bundleName) { this.bundleName = bundleName; }
    public String getBundleSummary() { return bundleSummary; }
    public void setBundleSummary(String bundleSummary) { this.bundleSummary = bundleSummary; }
    public Long getBundleFirst() { return bundleFirst; }
    public void setBundleFirst(Long bundleFirst) { this.bundleFirst = bundleFirst; }
    public Long getBundleSecond() { return bundleSecond; }
    public void setBundleSecond(Long bundleSecond) { this.bundleSecond = bundleSecond; }
    public BigDecimal getBundleDiscount() { return bundleDiscount; }
    public void setBundleDiscount(BigDecimal bundleDiscount) { this.bundleDiscount = bundleDiscount; }
}
