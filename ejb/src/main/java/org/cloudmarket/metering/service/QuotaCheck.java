package org.cloudmarket.metering.service;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * {@link Quotas#check} in a transaction of its own, after a fold committed ({@link UsageFolder}): what it writes (the
 * alert row, the stop, the messages and mails) commits or rolls back together, apart from the fold and the reader.
 */
@Stateless
@PermitAll
public class QuotaCheck {

    @Inject
    private Quotas quotas;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void check(long subscriptionId) {
        quotas.check(subscriptionId);
    }
}
