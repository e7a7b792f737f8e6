package org.quire.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * What every request must be before anything in the WAR (JAX-RS, health, metrics, OpenAPI)
 * sees it, answered as a problem when it is not. The HTTP listener hands these requests on
 * instead of refusing them with an empty page (server-config/http-listener.asadmin):
 * <ul>
 * <li>{@code TRACE} would echo the request, credentials included: 405 everywhere but /api, where
 * JAX-RS answers 405 with the path's own {@code Allow};</li>
 * <li>a body on a method whose body means nothing (GET, HEAD, DELETE, OPTIONS) is a 400: whatever
 * the client meant by it would be silently ignored;</li>
 * <li>the WADL that the OpenAPI servlet's Jersey would serve at /openapi/application.wadl is no
 * part of the API: 404.</li>
 * </ul>
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestGate extends HttpFilter {

    private static final Set<String> BODYLESS = Set.of("GET", "HEAD", "DELETE", "OPTIONS");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String method = request.getMethod();
        String path = request.getRequestURI();
        if (method.equals("TRACE") && !path.startsWith("/api/")) {
            response.setHeader("Allow", "GET, HEAD, OPTIONS");
            ServletErrors.send(response, 405, ProblemMapper.detailOf(405, path), path);
        } else if (BODYLESS.contains(method) && hasBody(request)) {
            ServletErrors.send(response, 400, "A " + method + " request carries no body; send it without one.", path);
        } else if (path.startsWith("/openapi/application.wadl")) {
            ServletErrors.send(response, 404, ProblemMapper.detailOf(404, path), path);
        } else {
            chain.doFilter(request, response);
        }
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
    }
}
