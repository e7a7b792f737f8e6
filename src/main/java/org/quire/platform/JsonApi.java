package org.quire.platform;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider Quire uses. {@code jakarta.json.Json}'s static methods look the provider
 * up through the ServiceLoader on every call, which scans the application's class path each time:
 * a third of a simple request's CPU before this was looked up once.
 */
public final class JsonApi {

    public static final JsonProvider PROVIDER = JsonProvider.provider();

    private JsonApi() {
    }
}
