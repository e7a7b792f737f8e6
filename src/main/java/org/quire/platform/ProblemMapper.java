package org.quire.platform;

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
 * The one place where anything thrown while serving a request becomes an HTTP answer: a
 * {@link Problem}. A client's mistake is answered with what was wrong and logs nothing; the
 * container's own refusals (404, 405, 406, 415, a request it could not parse) get the same shape;
 * a database that cannot be reached is a 503 the client may retry, logged in one line; anything
 * else is a 500 that says nothing about the inside, logged here once with its stack trace.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    public static final String PROBLEM_JSON = "application/problem+json";
    static final String PROBLEM_JSON_UTF8 = PROBLEM_JSON + ";charset=UTF-8";
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());
    private static final String RETRY_AFTER_SECONDS = "5";
    static final String BEARER_CHALLENGE = "Bearer realm=\"quire\"";

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable thrown) {
        if (thrown instanceof ProblemException problem) {
            return answer(problem.status(), problem.title(), problem.detail(), problem.errors()).build();
        }
        if (thrown instanceof WebApplicationException web) {
            return containerProblem(web);
        }
        if (databaseUnreachable(thrown)) {
            LOG.warning(() -> "Database unreachable serving " + path() + ": " + rootMessage(thrown));
            return answer(503, "Service Unavailable", "The database cannot be reached; try again shortly.", List.of())
                    .header("Retry-After", RETRY_AFTER_SECONDS)
                    .build();
        }
        LOG.log(Level.SEVERE, "Unexpected failure serving " + path(), thrown);
        return answer(500, "Internal Server Error", "The request could not be completed.", List.of()).build();
    }

    private Response containerProblem(WebApplicationException web) {
        Response original = web.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            LOG.log(Level.SEVERE, "Container failure serving " + path(), web);
        }
        Response.ResponseBuilder answer = answer(status, titleOf(status), detailOf(status, path()), List.of());
        if (status == 401) {
            answer.header(HttpHeaders.WWW_AUTHENTICATE, BEARER_CHALLENGE);
        }
        if (web instanceof NotAllowedException || status == 405) {
            String allow = original.getHeaderString(HttpHeaders.ALLOW);
            if (allow != null) {
                answer.header(HttpHeaders.ALLOW, allow);
            }
        }
        return answer.build();
    }

    private Response.ResponseBuilder answer(int status, String title, String detail, List<FieldError> errors) {
        return Response.status(status).type(PROBLEM_JSON_UTF8).entity(Problem.of(status, title, detail, path(), errors));
    }

    /** The title of a status, as RFC 9110 names it. */
    static String titleOf(int status) {
        Response.StatusType type = Response.Status.fromStatusCode(status);
        return switch (status) {
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 431 -> "Request Header Fields Too Large";
            default -> type != null ? type.getReasonPhrase() : status >= 500 ? "Server Error" : "Client Error";
        };
    }

    /** What a status means for a client of this API, without a word about the inside. */
    static String detailOf(int status, String path) {
        return switch (status) {
            case 400 -> "The request is malformed.";
            case 401 -> "Authentication required: send Authorization: Bearer <JWT>.";
            case 403 -> "Your roles do not allow this request.";
            case 404 -> "No resource at " + path + ".";
            case 405 -> "Method not allowed here; see the Allow header.";
            case 406 -> "None of the media types in Accept can be produced; this API speaks application/json.";
            case 413 -> "The request is larger than this API accepts.";
            case 414 -> "The request's URI is longer than this API accepts.";
            case 415 -> "Unsupported Content-Type; send application/json (application/merge-patch+json for PATCH).";
            case 431 -> "The request's header fields are larger than this API accepts.";
            default -> status >= 500 ? "The request could not be completed." : "The request could not be served.";
        };
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
}
