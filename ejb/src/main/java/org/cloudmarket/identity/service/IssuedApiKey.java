package org.cloudmarket.identity.service;

/** A new API key: the one moment its secret is known outside the client. */
public record IssuedApiKey(ApiKeyView key, String secret) {
}
