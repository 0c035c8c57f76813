package org.cloudmarket.catalog.service;

import java.math.BigDecimal;

/** A plan, by id, to put in a bundle with its discount percentage. */
public record BundleComponentRef(long planId, BigDecimal discountPercent) {
}
