package org.cloudmarket.ordering.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.cloudmarket.channel.service.PricedInStorefrontCurrency;
import org.cloudmarket.ordering.domain.Coupon;
import org.cloudmarket.tenancy.domain.Organization;

/** A storefront owner's coupons of an amount are in its storefront's currency: they would not apply in another. */
@Dependent
public class CouponAmounts implements PricedInStorefrontCurrency {

    @Inject
    private EntityManager entityManager;

    @Override
    public Optional<String> blocksCurrencyChange(Organization owner) {
        List<String> coupons = entityManager.createNamedQuery(Coupon.OF_OWNER, Coupon.class).setParameter("owner", owner.getId())
                .getResultStream().filter(coupon -> coupon.getEffect() == Coupon.Effect.AMOUNT_OFF
                        || coupon.getEffect() == Coupon.Effect.PRICE_OVERRIDE).map(Coupon::getCode).toList();
        return coupons.isEmpty() ? Optional.empty()
                : Optional.of("The coupons " + coupons + " are amounts in the storefront's currency: they would not apply after changing it");
    }
}
