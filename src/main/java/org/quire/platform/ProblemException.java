package org.quire.platform;

import jakarta.ws.rs.core.Response.Status;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A failure a client caused and can act on. Services throw it in the domain's words; the single
 * {@link ProblemMapper} turns it into an RFC 9457 body. Nothing here ever carries SQL, class or
 * constraint names: only what the client sent and what it may do about it.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<FieldError> errors;

    protected ProblemException(int status, String title, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException invalid(List<FieldError> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
        return new ProblemException(400, "Bad Request", detail, errors);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not Found", detail, List.of());
    }

    /** A unique value that another record already holds. */
    public static ProblemException conflict(String field, String message) {
        return new ProblemException(409, "Conflict", field + ": " + message, List.of(new FieldError(field, message)));
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(412, "Precondition Failed", detail, List.of());
    }

    public static ProblemException payloadTooLarge(String detail) {
        return new ProblemException(Status.REQUEST_ENTITY_TOO_LARGE.getStatusCode(), "Content Too Large", detail, List.of());
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldError> errors() {
        return errors;
    }
}
