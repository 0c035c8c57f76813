package org.cloudmarket.catalog.domain;

/**
 * Whether a plan may be tried (DOMAIN.md, trials are set per plan). ALLOWED keeps a card for the
 * trial's end and comes with card payments; ALLOWED_WITHOUT_PAYMENT_METHOD asks for none.
 */
public enum TrialMode {
    NOT_ALLOWED, ALLOWED, ALLOWED_WITHOUT_PAYMENT_METHOD;

    public boolean allowsTrial() {
        return this != NOT_ALLOWED;
    }
}
