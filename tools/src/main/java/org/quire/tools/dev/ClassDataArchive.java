package org.quire.tools.dev;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes target/payara/quire.jsa, the class-data archive that the README's admin command gives the
 * JVM ({@code -XX:SharedArchiveFile}): the classes a start and a first round of requests load,
 * already parsed and verified, so that the next start maps them instead (JDK 17's dynamic AppCDS).
 * It starts Payara Micro with the admin command's options against a throw-away local PostgreSQL,
 * sends every kind of request once, stops it, and the JVM writes the archive as it exits.
 *
 * <p>The archive belongs to this build's payara-micro.jar (its path, size and time) and to the JDK
 * that ran the build: with another, the JVM prints one warning and starts without it. A build that
 * cannot make it (no local PostgreSQL on this machine, say) leaves none and says why; it is not an
 * error, as only a slower start is lost.
 */
public final class ClassDataArchive {

    private static final Duration STARTUP = Duration.ofMinutes(4);
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;

    private ClassDataArchive(int port, String token) {
        this.base = "http://localhost:" + port;
        this.token = token;
    }

    public static void main(String[] args) throws Exception {
        Path archive = Path.of(System.getProperty("quire.payaraDir")).resolve("quire.jsa");
        Path work = Path.of(System.getProperty("quire.classDataArchive.workDir"));
        Files.deleteIfExists(archive);
        deleteRecursively(work);
        try {
            train(archive, Files.createDirectories(work));
            System.out.printf("Quire: class-data archive %s (%d MB) for Java %s%n",
                    archive, Files.size(archive) >> 20, System.getProperty("java.vm.version"));
            deleteRecursively(work);
        } catch (Exception e) {
            // Only a slower start is lost, so the build goes on; CI's admin check insists on the archive.
            Files.deleteIfExists(archive);
            System.out.println("[WARNING] Quire: no class-data archive, the admin command will start without one: "
                    + e.getMessage());
        }
    }

    private static void train(Path archive, Path work) throws Exception {
        Path log = work.resolve("payara.log");
        try (LocalPostgres postgres = startPostgres(work)) {
            Path keys = work.resolve("jwt");
            Jwt.ensureKeyPair(keys);
            Map<String, String> env = new HashMap<>(System.getenv());
            env.putAll(postgres.serverEnvironment());
            env.putAll(TokenCommand.serverEnvironment(keys));
            String token = Jwt.sign(Jwt.Claims.of(TokenCommand.ISSUER, "class-data-archive", List.of("admin"), 600),
                    Jwt.privateKey(keys));

            int port = PayaraMicroProcess.freePort();
            Process payara = PayaraMicroProcess.start(env, port, Files.createDirectories(work.resolve("tmp")), log,
                    List.of("-XX:ArchiveClassesAtExit=" + archive));
            try {
                ClassDataArchive training = new ClassDataArchive(port, token);
                training.awaitStarted(payara, log);
                training.sendEveryKindOfRequest();
            } finally {
                // SIGTERM: Payara Micro shuts down and the JVM writes the archive on its way out.
                payara.destroy();
                if (!payara.waitFor(2, TimeUnit.MINUTES)) {
                    payara.destroyForcibly();
                    throw new IllegalStateException("Payara Micro did not stop within 2 minutes; its log: " + log);
                }
            }
        }
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("the JVM wrote none at " + archive + "; its log: " + log);
        }
    }

    private static LocalPostgres startPostgres(Path work) throws IOException {
        try {
            return LocalPostgres.start(work.resolve("postgres"), 0, true);
        } catch (IOException | RuntimeException e) {
            throw new IOException("the local PostgreSQL did not start: " + e.getMessage(), e);
        }
    }

    private void awaitStarted(Process payara, Path log) throws Exception {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (true) {
            if (!payara.isAlive()) {
                throw new IllegalStateException("Payara Micro exited while starting; its log: " + log);
            }
            try {
                if (send("GET", "/api/posts?size=1", null, null) == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // Still starting.
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Quire did not answer within " + STARTUP + "; its log: " + log);
            }
            Thread.sleep(200);
        }
    }

    /** One of each request the API serves: success, the conditional forms and each kind of problem. */
    private void sendEveryKindOfRequest() throws Exception {
        String category = created("/api/categories", "{\"name\":\"Archive training\",\"description\":\"d\"}");
        String user = created("/api/users",
                "{\"username\":\"archive.training\",\"email\":\"training@example.com\",\"displayName\":\"T\"}");
        String post = created("/api/posts", "{\"title\":\"Привет, мир!\",\"content\":\"first words\",\"status\":\"published\","
                + "\"categoryId\":" + category + ",\"authorId\":" + user + "}");
        expect("GET", "/api/posts/" + post, null, 200);
        HttpResponse<Void> anonymous = http.send(request("GET", "/api/posts/" + post, null, null).build(),
                HttpResponse.BodyHandlers.discarding());
        String etag = anonymous.headers().firstValue("ETag").orElseThrow(
                () -> new IllegalStateException("GET /api/posts/" + post + " answered " + anonymous.statusCode() + " without an ETag"));
        expect(request("GET", "/api/posts/" + post, null, null).header("If-None-Match", etag), 304);
        expect(request("PATCH", "/api/posts/" + post, "{\"title\":\"Stale\"}", token).header("If-Match", "\"99\""), 412);
        expect("GET", "/api/posts/by-slug/privet-mir", null, 200);
        expect("PUT", "/api/posts/" + post, "{\"title\":\"Hello\",\"content\":\"words\",\"status\":\"published\"}", 200);
        expect("PATCH", "/api/posts/" + post, "{\"content\":\"other words\"}", 200);
        expect("GET", "/api/posts?status=published&categoryId=" + category + "&page=1&size=20&sort=-createdAt", null, 200);
        expect("GET", "/api/posts?q=words&size=20", null, 200);
        expect("GET", "/api/posts?page=2&size=5&sort=title", null, 200);
        expect("GET", "/api/categories/" + category + "/posts", null, 200);
        expect("GET", "/api/categories", null, 200);
        expect("PUT", "/api/categories/" + category, "{\"name\":\"Archive training 2\"}", 200);
        expect("GET", "/api/users", null, 200);
        expect("GET", "/api/users/" + user, null, 200);
        expect("GET", "/api/admin/schema", null, 200);
        expect("POST", "/api/posts", "{\"title\":\"\",\"content\":null,\"unknown\":1}", 400);
        expect("POST", "/api/posts", "{not json", 400);
        expect("GET", "/api/posts/999999999", null, 404);
        expect("GET", "/api/posts?size=0", null, 400);
        expect("DELETE", "/api/posts/" + post, null, 204);
        expect("DELETE", "/api/categories/" + category, null, 204);
        expect("DELETE", "/api/users/" + user, null, 204);
        if (send("POST", "/api/categories", "{\"name\":\"x\"}", null) != 401) {
            throw new IllegalStateException("a write without a token was not refused");
        }
        expect("GET", "/health/ready", null, 200);
        expect("GET", "/health/live", null, 200);
        expect("GET", "/metrics", null, 200);
        expect("GET", "/openapi", null, 200);
    }

    private String created(String path, String body) throws Exception {
        HttpResponse<String> response = http.send(request("POST", path, body, token).build(), HttpResponse.BodyHandlers.ofString());
        Matcher id = ID.matcher(response.body());
        if (response.statusCode() != 201 || !id.find()) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return id.group(1);
    }

    private void expect(String method, String path, String body, int status) throws Exception {
        expect(request(method, path, body, token), status);
    }

    private void expect(HttpRequest.Builder builder, int status) throws Exception {
        HttpRequest request = builder.build();
        int actual = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (actual != status) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + actual + ", not " + status);
        }
    }

    private int send(String method, String path, String body, String bearer) throws Exception {
        return http.send(request(method, path, body, bearer).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private HttpRequest.Builder request(String method, String path, String body, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "PATCH".equals(method) ? "application/merge-patch+json" : "application/json");
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return request;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
