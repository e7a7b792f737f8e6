package org.quire.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The error page of the web container (web.xml), for what never reaches JAX-RS: a path outside
 * /api, or a failure in the container itself. Answers with the same problem document as the API.
 */
@WebServlet("/quire-error")
public class ServletErrors extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 404;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String instance = uri == null ? request.getRequestURI() : uri.toString();
        String title;
        String detail;
        if (status == 401) {
            // Only a bad token gets here: the JWT mechanism refused it before JAX-RS ran.
            title = "Unauthorized";
            detail = "The bearer token is not valid: it is malformed, expired, not yet valid, from another issuer or not signed by the trusted key.";
            response.setHeader("WWW-Authenticate", ProblemMapper.BEARER_CHALLENGE + ", error=\"invalid_token\"");
        } else if (status == 403) {
            title = "Forbidden";
            detail = "Your roles do not allow this request.";
        } else if (status == 404) {
            title = "Not Found";
            detail = "No resource at " + instance + ".";
        } else if (status == 405) {
            title = "Method Not Allowed";
            detail = "Method not allowed here.";
        } else if (status >= 500) {
            title = "Internal Server Error";
            detail = "The request could not be completed.";
        } else {
            title = "Error";
            detail = "The request could not be served.";
        }
        response.setStatus(status);
        response.setContentType(ProblemMapper.PROBLEM_JSON + ";charset=UTF-8");
        response.getOutputStream().write(ProblemMapper.body(status, title, detail, instance, List.of()).getBytes(StandardCharsets.UTF_8));
    }
}
