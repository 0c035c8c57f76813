package org.cloudmarket.ordering.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.cloudmarket.catalog.domain.Plan;
import org.cloudmarket.catalog.domain.Product;
import org.cloudmarket.channel.service.ResoldPlans;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.identity.service.Caller;
import org.cloudmarket.messaging.service.Mail;
import org.cloudmarket.messaging.service.MailRequest;
import org.cloudmarket.messaging.service.MailTemplate;
import org.cloudmarket.ordering.domain.Coupon;
import org.cloudmarket.ordering.domain.CouponTerms;
import org.cloudmarket.shared.error.Conflict;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.tenant.TenantContext;
import org.cloudmarket.tenancy.domain.Organization;
import org.cloudmarket.tenancy.domain.OrganizationKind;
import org.cloudmarket.tenancy.domain.Storefront;
import org.cloudmarket.tenancy.domain.Tenant;

/**
 * Coupons issued by the marketplace (ADMIN), by vendors for their own products, and by resellers
 * for their storefronts. Each issuer sees only its own coupons.
 */
@Stateless
@RolesAllowed({Role.Names.ADMIN, Role.Names.VENDOR, Role.Names.RESELLER})
public class Coupons {

    @Inject
    private EntityManager entityManager;

    @Inject
    private Caller caller;

    @Inject
    private TenantContext tenantContext;

    @Inject
    private ResoldPlans resold;

    @Inject
    private Mail mail;

    /**
     * Amounts of coupons are in the currency the issuer sells in: a reseller's storefront's (its
     * coupons are valid there only), otherwise the marketplace's, like its plans.
     */
    public Currency currency() {
        Organization issuer = issuer();
        if (issuer != null && issuer.getKind() == OrganizationKind.RESELLER) {
            return entityManager.createNamedQuery(Storefront.OF_OWNER, Storefront.class)
                    .setParameter("owner", issuer).getResultStream().findFirst().map(Storefront::getCurrency)
                    .orElseThrow(() -> new InvalidInput("amount", "You run no storefront to sell in"));
        }
        return entityManager.find(Tenant.class, tenantContext.requireTenantId()).getDefaultCurrency();
    }

    public List<CouponView> mine() {
        Organization issuer = issuer();
        var query = issuer == null ? entityManager.createNamedQuery(Coupon.OF_TENANT, Coupon.class)
                : entityManager.createNamedQuery(Coupon.OF_OWNER, Coupon.class).setParameter("owner", issuer.getId());
        return query.getResultStream().map(CouponView::of).toList();
    }

    public CouponView issue(Long productId, Long planId, CouponTerms terms) {
        boolean taken = entityManager.createNamedQuery(Coupon.BY_CODE, Coupon.class).setParameter("code", terms.code())
                .getResultStream().findAny().isPresent();
        if (taken) {
            throw new Conflict("The code " + terms.code() + " is taken on this marketplace");
        }
        Organization issuer = issuer();
        if (issuer != null && issuer.getKind() == OrganizationKind.RESELLER) {
            // a reseller's coupon is for what it resells: asked about anything else, it learns nothing of it
            resold.product(issuer, productId, "productId");
            resold.plan(issuer, planId, "planId");
        }
        Product product = productId == null ? null : entityManager.find(Product.class, productId);
        Plan plan = planId == null ? null : entityManager.find(Plan.class, planId);
        if ((productId != null && product == null) || (planId != null && plan == null)) {
            throw new InvalidInput(productId != null && product == null ? "productId" : "planId", "No such product or plan");
        }
        Coupon coupon = Coupon.issue(issuer, product, plan, terms);
        entityManager.persist(coupon);
        entityManager.flush();
        CouponView view = CouponView.of(coupon);
        // a targeted coupon is sent to its address (DOMAIN.md, Coupons), once it exists
        coupon.getTargetEmail().ifPresent(email -> mail.send(new MailRequest(email, MailTemplate.COUPON_TARGETED,
                entityManager.find(Tenant.class, tenantContext.requireTenantId()).getLocale(),
                Map.of("name", email, "code", coupon.getCode(), "scope", view.scope(), "validUntil", coupon.getValidUntil().toString()))));
        return view;
    }

    /** The organization issuing: none for the tenant's admin. */
    private Organization issuer() {
        User user = caller.user();
        return user.getRole() == Role.ADMIN ? null : caller.organization();
    }
}
