package org.cloudmarket.catalog.domain;

/** A vendor's registration with the marketplace. */
public enum VendorStatus {
    PENDING, APPROVED, REJECTED
}
