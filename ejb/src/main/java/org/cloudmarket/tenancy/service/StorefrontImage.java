package org.cloudmarket.tenancy.service;

/** A storefront's logo or favicon, to serve. */
public record StorefrontImage(String contentType, byte[] data) {
}
