package org.quire.platform;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place where anything thrown while serving a request becomes an HTTP answer: an
 * {@code application/problem+json} body (RFC 9457). Client mistakes are answered with what was
 * wrong; the container's own 404/405/406/415 get the same shape; a database that cannot be reached
 * is a 503 the client may retry; anything else is a 500 that says nothing about the inside and is
 * logged here with its stack trace.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());
    private static final String RETRY_AFTER_SECONDS = "5";
    static final String BEARER_CHALLENGE = "Bearer realm=\"quire\"";

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable thrown) {
        if (thrown instanceof ProblemException problem) {
            return problem(problem.status(), problem.title(), problem.detail(), problem.errors()).build();
        }
        if (thrown instanceof ConstraintViolationException violations) {
            List<FieldError> errors = violations.getConstraintViolations().stream()
                    .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                    .toList();
            ProblemException invalid = ProblemException.invalid(errors);
            return problem(400, invalid.title(), invalid.detail(), errors).build();
        }
        if (thrown instanceof WebApplicationException web) {
            return containerProblem(web);
        }
        if (databaseUnreachable(thrown)) {
            LOG.log(Level.WARNING, "Database unreachable: {0}", rootMessage(thrown));
            return problem(503, "Service Unavailable", "The database cannot be reached; try again shortly.", List.of())
                    .header("Retry-After", RETRY_AFTER_SECONDS)
                    .build();
        }
        LOG.log(Level.SEVERE, "Unexpected failure serving " + path(), thrown);
        return problem(500, "Internal Server Error", "The request could not be completed.", List.of()).build();
    }

    private Response containerProblem(WebApplicationException web) {
        Response original = web.getResponse();
        int status = original.getStatus();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type != null ? type.getReasonPhrase() : "Error";
        String detail = switch (status) {
            case 400 -> "The request is malformed.";
            case 401 -> "Authentication required: send Authorization: Bearer <JWT>.";
            case 403 -> "Your roles do not allow this request.";
            case 404 -> "No resource at " + path() + ".";
            case 405 -> "Method not allowed here; see the Allow header.";
            case 406 -> "None of the media types in Accept can be produced; this API speaks application/json.";
            case 415 -> "Unsupported Content-Type; send application/json (application/merge-patch+json for PATCH).";
            default -> title + ".";
        };
        if (status >= 500) {
            LOG.log(Level.SEVERE, "Container failure serving " + path(), web);
            detail = "The request could not be completed.";
        }
        Response.ResponseBuilder answer = problem(status, title, detail, List.of());
        if (status == 401) {
            answer.header(HttpHeaders.WWW_AUTHENTICATE, BEARER_CHALLENGE);
        }
        if (web instanceof NotAllowedException || status == 405) {
            Object allow = original.getHeaderString(HttpHeaders.ALLOW);
            if (allow != null) {
                answer.header(HttpHeaders.ALLOW, allow);
            }
        }
        return answer.build();
    }

    private Response.ResponseBuilder problem(int status, String title, String detail, List<FieldError> errors) {
        return Response.status(status).type(PROBLEM_JSON + ";charset=UTF-8").entity(body(status, title, detail, path(), errors));
    }

    /** The RFC 9457 document; also written by {@link ServletErrors} for failures outside JAX-RS. */
    static String body(int status, String title, String detail, String instance, List<FieldError> errors) {
        JsonObjectBuilder body = JsonApi.PROVIDER.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", title)
                .add("status", status)
                .add("detail", detail)
                .add("instance", instance);
        if (!errors.isEmpty()) {
            JsonArrayBuilder list = JsonApi.PROVIDER.createArrayBuilder();
            errors.forEach(e -> list.add(JsonApi.PROVIDER.createObjectBuilder().add("field", e.field()).add("message", e.message())));
            body.add("errors", list);
        }
        return body.build().toString();
    }

    private String path() {
        try {
            return uriInfo.getRequestUri().getRawPath();
        } catch (RuntimeException outsideRequest) {
            return "/";
        }
    }

    /** Connection-level failures: SQLSTATE class 08, a server shutting down (57P), or a pool that got no connection. */
    static boolean databaseUnreachable(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            String name = t.getClass().getName();
            if (name.endsWith("PoolingException") || name.equals("jakarta.resource.ResourceException")
                    || t instanceof java.net.ConnectException) {
                return true;
            }
            String message = t.getMessage();
            if (message != null && message.contains("Error in allocating a connection")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable thrown) {
        Throwable root = thrown;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }
}
