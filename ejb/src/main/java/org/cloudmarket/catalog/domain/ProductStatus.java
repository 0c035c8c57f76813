package org.cloudmarket.catalog.domain;

/**
 * Where a product is in onboarding (DOMAIN.md, Catalog): DRAFT -> SUBMITTED -> APPROVED or
 * REJECTED -> PUBLISHED -> RETIRED. A rejected product goes back to its vendor for changes.
 */
public enum ProductStatus {
    DRAFT, SUBMITTED, APPROVED, REJECTED, PUBLISHED, RETIRED;

    /** Only the vendor's own unsubmitted work can change: what was reviewed stays as reviewed. */
    public boolean isEditable() {
        return this == DRAFT || this == REJECTED;
    }
}
