package org.quire.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * An identity provider's JWKS endpoint, as a server reads it: one document, served with a
 * Cache-Control max-age, that the test replaces to rotate the signing key or withholds to take
 * the provider down.
 */
public final class KeyServer implements AutoCloseable {

    private final HttpServer server;
    private final int maxAgeSeconds;
    private volatile String jwks;

    private KeyServer(String jwks, int maxAgeSeconds) throws IOException {
        this.jwks = jwks;
        this.maxAgeSeconds = maxAgeSeconds;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/jwks.json", exchange -> {
            String published = this.jwks;
            if (published == null) {
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            byte[] body = published.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("Cache-Control", "public, max-age=" + this.maxAgeSeconds);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    public static KeyServer serving(String jwks, int maxAgeSeconds) throws IOException {
        return new KeyServer(jwks, maxAgeSeconds);
    }

    /** From now on the endpoint publishes {@code replacement} instead. */
    public void publish(String replacement) {
        jwks = replacement;
    }

    /** From now on the endpoint answers 503, as an identity provider that is down. */
    public void withhold() {
        jwks = null;
    }

    public String url() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/jwks.json";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
