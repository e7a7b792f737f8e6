package org.quire.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * The error page of the web container (web.xml): whatever answer the container writes itself,
 * outside JAX-RS or before it (a path outside /api, a bad token refused by the authentication
 * mechanism, a request it cannot parse, a failure of its own), is the same {@link Problem} as
 * the API's.
 */
@WebServlet("/quire-error")
public class ServletErrors extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i && i >= 400 ? i : 500;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String instance = uri == null ? request.getRequestURI() : uri.toString();
        String detail = ProblemMapper.detailOf(status, instance);
        if (status == 401) {
            // Only a bad token gets here: the JWT mechanism refused it before JAX-RS ran.
            detail = "The bearer token is not valid: it is malformed, expired, not yet valid, from another issuer or not signed by the trusted key.";
            response.setHeader("WWW-Authenticate", ProblemMapper.BEARER_CHALLENGE + ", error=\"invalid_token\"");
        }
        send(response, status, detail, instance);
    }

    /** Answers with the problem of {@code status}, outside JAX-RS. */
    static void send(HttpServletResponse response, int status, String detail, String instance) throws IOException {
        response.setStatus(status);
        response.setContentType(ProblemMapper.PROBLEM_JSON_UTF8);
        JsonResponses.write(Problem.of(status, ProblemMapper.titleOf(status), detail, instance, List.of()), response);
    }
}
