package org.cloudmarket.shared.text;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider of the platform. {@code jakarta.json.Json}'s static methods look the provider up through the
 * ServiceLoader on every call, which showed as half the cost of reading a price snapshot (issue 12, "Performance");
 * a provider is thread-safe, so one is looked up once and every reader and builder comes from it.
 */
public final class Jsons {

    public static final JsonProvider JSON = JsonProvider.provider();

    private Jsons() {
    }
}
