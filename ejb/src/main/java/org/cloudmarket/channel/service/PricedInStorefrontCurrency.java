package org.cloudmarket.channel.service;

import java.util.Optional;
import org.cloudmarket.tenancy.domain.Organization;

/**
 * Something a storefront's owner priced in its storefront's currency in a context that builds on
 * the channel (ordering's coupons of an amount). Those contexts implement it, so that the channel
 * can refuse a currency change without depending on them: the dependency points one way,
 * ordering to channel.
 */
public interface PricedInStorefrontCurrency {

    /** Why the owner's storefront cannot change currency yet, if something it priced stands in the way. */
    Optional<String> blocksCurrencyChange(Organization owner);
}
