package org.quire.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * A client of a deployed Quire, speaking plain HTTP as enterprise clients do. Built from the URL
 * Arquillian gives; refuses to start when the WAR is not serving, because a deployment that
 * failed leaves Payara Micro up with nothing deployed and every test would see only 404s.
 */
public final class QuireApi {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final URI base;
    private final String bearer;

    private QuireApi(URI base, String bearer) {
        this.base = base;
        this.bearer = bearer;
    }

    /** The same server, called with {@code Authorization: Bearer <token>}. */
    public QuireApi as(String token) {
        return new QuireApi(base, token);
    }

    /** The same server, called without credentials. */
    public QuireApi anonymous() {
        return new QuireApi(base, null);
    }

    public static QuireApi at(URL deployment) {
        if (deployment == null) {
            fail("Quire was not deployed: Arquillian has no URL for it. Read Payara Micro's log above"
                    + " (look for 'QUIRE SCHEMA MIGRATION FAILED' or 'Exception while loading the app').");
        }
        URI base = URI.create(deployment.toString().endsWith("/") ? deployment.toString() : deployment + "/");
        QuireApi api = new QuireApi(base, null);
        Reply probe = api.get("api/categories?size=1");
        if (probe.status() != 200) {
            fail("Quire is not serving at " + base + " (GET /api/categories answered " + probe.status()
                    + "): the deployment failed. Read Payara Micro's log above (look for 'QUIRE SCHEMA MIGRATION FAILED'"
                    + " or 'Exception while loading the app').");
        }
        return api;
    }

    /** A suffix that keeps this test's names apart from every other test's in a shared database. */
    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    public URI uri(String path) {
        return base.resolve(path);
    }

    public Reply get(String path, String... headers) {
        return send("GET", path, null, null, headers);
    }

    public Reply post(String path, String json, String... headers) {
        return send("POST", path, "application/json", json, headers);
    }

    public Reply put(String path, String json, String... headers) {
        return send("PUT", path, "application/json", json, headers);
    }

    public Reply patch(String path, String json, String... headers) {
        return send("PATCH", path, "application/merge-patch+json", json, headers);
    }

    public Reply delete(String path, String... headers) {
        return send("DELETE", path, null, null, headers);
    }

    /** Any request; {@code headers} are name, value pairs. */
    public Reply send(String method, String path, String contentType, String body, String... headers) {
        return sendBytes(method, path, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers);
    }

    public Reply sendBytes(String method, String path, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        boolean explicitAuthorization = false;
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            explicitAuthorization |= headers[i].equalsIgnoreCase("Authorization");
        }
        if (bearer != null && !explicitAuthorization) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " interrupted", e);
        }
    }
}
