package org.quire.platform;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads a request body as one JSON object, within a size limit. Bodies are read here rather than
 * bound by JSON-B so that every mistake can be answered precisely: malformed JSON, a body that is
 * not an object, or one that is too large each get their own problem.
 */
public final class JsonBody {

    /** A post's content may be 1 MiB; the rest of a body is small. Anything larger is refused unread. */
    public static final int MAX_BYTES = 1024 * 1024 + 64 * 1024;

    private JsonBody() {
    }

    public static JsonObject readObject(InputStream body) {
        JsonValue value = readValue(body);
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ProblemException.invalid("body", "must be a JSON object");
        }
        return value.asJsonObject();
    }

    public static JsonValue readValue(InputStream body) {
        if (body == null) {
            throw ProblemException.invalid("body", "must not be empty");
        }
        try (JsonReader reader = JsonApi.PROVIDER.createReader(new InputStreamReader(new Limited(body), StandardCharsets.UTF_8))) {
            return reader.readValue();
        } catch (JsonException | UncheckedIOException unreadable) {
            for (Throwable t = unreadable; t != null; t = t.getCause()) {
                if (t instanceof TooLarge tooLarge) {
                    throw tooLarge.problem();
                }
            }
            if (unreadable instanceof JsonParsingException malformed && malformed.getLocation() != null) {
                var at = malformed.getLocation();
                throw ProblemException.invalid("body",
                        "is not well-formed JSON at line " + at.getLineNumber() + ", column " + at.getColumnNumber());
            }
            throw ProblemException.invalid("body", "is not well-formed JSON");
        }
    }

    private static final class TooLarge extends IOException {
        TooLarge() {
            super("body exceeds " + MAX_BYTES + " bytes", null);
        }

        ProblemException problem() {
            return ProblemException.payloadTooLarge("The request body exceeds " + MAX_BYTES + " bytes.");
        }
    }

    /** Counts what is read and stops at the limit, whatever Content-Length claimed. */
    private static final class Limited extends FilterInputStream {
        private long read;

        Limited(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > MAX_BYTES) {
                throw new TooLarge();
            }
        }
    }
}
