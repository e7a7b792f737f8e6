package org.quire.operations;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * One log line per API request (method, path, status, time; see {@link RequestLog}), and a timer per endpoint in /metrics ({@code quire_requests_seconds} with method,
 * endpoint template and status class), so admins see counts and timings per endpoint.
 */
@Provider
@Priority(Priorities.USER)
public class RequestMetrics implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String STARTED = RequestMetrics.class.getName() + ".started";
    private static final Metadata TIMER = Metadata.builder()
            .withName("quire.requests")
            .withDescription("API requests by method, endpoint and status class, with their durations")
            .withUnit(MetricUnits.SECONDS)
            .build();

    @Inject
    MetricRegistry metrics;

    @Inject
    RequestLog requestLog;

    @Context
    ResourceInfo resource;

    /** Looked up once each: building a metric's id and template per request cost more than timing it. */
    private final ConcurrentHashMap<Method, String> templates = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<TimerKey, Timer> timers = new ConcurrentHashMap<>();

    private record TimerKey(String method, String endpoint, int statusClass) {
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        long nanos = started instanceof Long start ? System.nanoTime() - start : 0;
        String method = request.getMethod();
        int status = response.getStatus();
        requestLog.record(method, request.getUriInfo().getRequestUri().getRawPath(), status, nanos);
        timers.computeIfAbsent(new TimerKey(method, endpoint(), status / 100), key -> metrics.timer(TIMER,
                        new Tag("method", key.method()), new Tag("endpoint", key.endpoint()), new Tag("status", key.statusClass() + "xx")))
                .update(Duration.ofNanos(nanos));
    }

    private String endpoint() {
        Class<?> type = resource == null ? null : resource.getResourceClass();
        Method method = resource == null ? null : resource.getResourceMethod();
        return type == null || method == null ? "unmatched" : templates.computeIfAbsent(method, m -> template(type, m));
    }

    /** An endpoint's template (/api/posts/{id}), not its path: one timer per endpoint, not one per id. */
    public static String template(Class<?> type, Method method) {
        StringBuilder template = new StringBuilder("/api");
        Path base = type.getAnnotation(Path.class);
        Path sub = method.getAnnotation(Path.class);
        if (base != null) {
            template.append('/').append(base.value());
        }
        if (sub != null) {
            template.append('/').append(sub.value());
        }
        return template.toString().replaceAll("\\{(\\w+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
    }
}
