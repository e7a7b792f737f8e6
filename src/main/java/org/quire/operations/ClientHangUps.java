package org.quire.operations;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Objects;

/**
 * A client that hangs up before its answer is written (a timeout of its own, a load test's end) is
 * one line in the request log ({@code GET /api/posts 200 not delivered: …}), and the rest of the
 * answer is dropped. Left to the container, the write's failure reached JSON-B and Jersey, which
 * logged two or three SEVERE records with a stack trace each, per hang-up: an admin could not tell
 * them from a fault of the service. Whatever was done for the request (a write committed) stays
 * done; only its answer had nobody to go to.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class ClientHangUps extends HttpFilter {

    @Inject
    RequestLog requestLog;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, new Answer(request, response));
    }

    private final class Answer extends HttpServletResponseWrapper {

        private final HttpServletRequest request;
        private ServletOutputStream body;

        Answer(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (body == null) {
                body = new Body(super.getOutputStream(), this);
            }
            return body;
        }

        void hungUp(IOException failure) {
            requestLog.notDelivered(request.getMethod(), request.getRequestURI(), getStatus(),
                    Objects.requireNonNullElse(failure.getMessage(), failure.getClass().getSimpleName()));
        }
    }

    /** The response's stream until a write fails; from then on, nothing goes anywhere. */
    private static final class Body extends ServletOutputStream {

        private final ServletOutputStream socket;
        private final Answer answer;
        private boolean hungUp;

        Body(ServletOutputStream socket, Answer answer) {
            this.socket = socket;
            this.answer = answer;
        }

        @Override
        public void write(int b) {
            if (!hungUp) {
                try {
                    socket.write(b);
                } catch (IOException failure) {
                    hangUp(failure);
                }
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            if (!hungUp) {
                try {
                    socket.write(bytes, offset, length);
                } catch (IOException failure) {
                    hangUp(failure);
                }
            }
        }

        @Override
        public void flush() {
            if (!hungUp) {
                try {
                    socket.flush();
                } catch (IOException failure) {
                    hangUp(failure);
                }
            }
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException failure) {
                if (!hungUp) {
                    hangUp(failure);
                }
            }
        }

        @Override
        public boolean isReady() {
            return hungUp || socket.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            socket.setWriteListener(listener);
        }

        private void hangUp(IOException failure) {
            hungUp = true;
            answer.hungUp(failure);
        }
    }
}
