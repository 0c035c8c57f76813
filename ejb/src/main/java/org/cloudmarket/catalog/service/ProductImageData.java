package org.cloudmarket.catalog.service;

/** An image's bytes and content type, to serve. */
public record ProductImageData(String contentType, byte[] data) {
}
