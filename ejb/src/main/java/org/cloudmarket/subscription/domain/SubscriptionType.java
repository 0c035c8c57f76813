package org.cloudmarket.subscription.domain;

/** What a subscription is: bought, on trial, or a vendor's sandbox (billed to nobody). */
public enum SubscriptionType {
    NORMAL, TRIAL, SANDBOX
}
