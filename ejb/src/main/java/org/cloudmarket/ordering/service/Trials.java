package org.cloudmarket.ordering.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.Optional;
import org.cloudmarket.catalog.domain.Plan;
import org.cloudmarket.catalog.domain.Product;
import org.cloudmarket.ordering.domain.Coupon;
import org.cloudmarket.ordering.domain.Order;
import org.cloudmarket.ordering.domain.TrialUse;
import org.cloudmarket.shared.error.Constraints;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.subscription.domain.TrialTerms;
import org.cloudmarket.tenancy.domain.Organization;

/**
 * The trial rules (DOMAIN.md, Orders and subscriptions): the plan's mode and length, an extended
 * trial's coupon, one trial per product per customer ever (trial_use's unique key).
 */
@Dependent
class Trials {

    @Inject
    private EntityManager entityManager;

    /**
     * The trial's length in days (TrialTerms: the plan's or product's length, an extended-trial
     * coupon's instead), when the plan offers one without a payment method and the customer never
     * had one of the product.
     */
    int trialDays(Plan plan, boolean bundle, Optional<Coupon> coupon, Organization customer) {
        String name = plan.getProduct().getName();
        if (coupon.isPresent() && coupon.get().getEffect() != Coupon.Effect.EXTENDED_TRIAL) {
            throw new InvalidInput("couponCode", "A trial is free: only an extended-trial coupon applies to it");
        }
        TrialTerms terms = new TrialTerms(plan.getTrialMode(), plan.trialDays(), plan.isTrialConverts());
        if (coupon.isPresent()) {
            terms = terms.extendedBy((org.cloudmarket.pricing.Coupon.ExtendedTrial) coupon.get().pricing().effect());
        }
        TrialTerms.Decision decision = bundle ? TrialTerms.Decision.NOT_ALLOWED : terms.decide(hadTrial(customer, plan.getProduct()));
        if (decision == TrialTerms.Decision.NOT_ALLOWED) {
            throw new InvalidInput("type", name + " " + plan.getName() + " offers no trial");
        }
        if (terms.needsPaymentMethod()) {
            throw new InvalidInput("type", "The trial of " + name + " keeps a card for its end: it comes with card payments");
        }
        if (decision == TrialTerms.Decision.ALREADY_USED) {
            throw alreadyTried(plan.getProduct());
        }
        return terms.days();
    }

    private boolean hadTrial(Organization customer, Product product) {
        return entityManager.createQuery("SELECT COUNT(t) FROM TrialUse t WHERE t.customerId = :customer AND t.productId = :product",
                Long.class).setParameter("customer", customer.getId()).setParameter("product", product.getId()).getSingleResult() > 0;
    }

    private static InvalidInput alreadyTried(Product product) {
        return new InvalidInput("type", "You already had a trial of " + product.getName() + ": one per customer, ever");
    }

    /** The trial's row: its unique key (customer, product) turns the loser of two parallel trials into the same refusal. */
    void useTrial(Organization customer, Product product, Order order, Instant now) {
        try {
            entityManager.persist(new TrialUse(customer.getId(), product.getId(), order.getId(), now));
            entityManager.flush();
        } catch (PersistenceException failed) {
            if (Constraints.violated(failed)) {
                throw alreadyTried(product);
            }
            throw failed;
        }
    }

    /** A trial that turns into a paid subscription at its end is invoiced then: the customer's billing details are needed now. */
    static void requireBillingDetails(Plan plan, Organization customer) {
        if (plan.isTrialConverts() && customer.getBillingDetails().isEmpty()) {
            throw new InvalidInput("customerId", "Fill in your billing details first: the trial of " + plan.getProduct().getName()
                    + " turns into a paid subscription at its end");
        }
    }
}
