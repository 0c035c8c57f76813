package org.cloudmarket.catalog.domain;

/** A standard product has its own plans; a bundle's plans are compositions of other products' plans. */
public enum ProductKind {
    STANDARD, BUNDLE
}
