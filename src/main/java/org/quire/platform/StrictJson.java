package org.quire.platform;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.CharArrayReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads a request body as exactly one JSON value, refusing what a lenient parser lets through:
 * bytes that are not UTF-8 (instead of turning them into U+FFFD), anything after the value, the
 * same member twice in one object (instead of keeping the last), nesting deeper than
 * {@value #MAX_DEPTH} levels, and a body larger than {@value #MAX_BYTES} bytes (413, read no further).
 */
public final class StrictJson {

    /** A post's content may be 1 MiB; the rest of any body is small. */
    public static final int MAX_BYTES = 1024 * 1024 + 64 * 1024;
    /** Quire's bodies are flat objects; deeper nesting is refused before it costs anything. */
    public static final int MAX_DEPTH = 16;
    /** How much of a refused body is still read, so that the client sees the 413; past it the connection is dropped. */
    static final long DRAINED_BYTES = 16L * 1024 * 1024;

    private StrictJson() {
    }

    public static JsonValue read(InputStream body) {
        if (body == null) {
            throw ProblemException.invalid("body", "must not be empty");
        }
        byte[] bytes = bytes(body);
        char[] text = utf8(bytes);
        if (isBlank(text)) {
            throw ProblemException.invalid("body", "must not be empty");
        }
        try (JsonParser parser = JsonApi.PROVIDER.createParser(new CharArrayReader(text))) {
            JsonValue value = value(parser, parser.next(), 1);
            if (parser.hasNext()) {
                throw ProblemException.invalid("body", "must be one JSON value, with nothing after it");
            }
            return value;
        } catch (JsonParsingException malformed) {
            JsonLocation at = malformed.getLocation();
            throw ProblemException.invalid("body", at == null ? "is not well-formed JSON"
                    : "is not well-formed JSON at line " + at.getLineNumber() + ", column " + at.getColumnNumber());
        } catch (JsonException | IllegalStateException | NumberFormatException | ArithmeticException unreadable) {
            throw ProblemException.invalid("body", "is not well-formed JSON");
        }
    }

    /** Nothing but whitespace (JSON's, or any other): the parser would call it malformed at column 0. */
    private static boolean isBlank(char[] text) {
        for (char c : text) {
            if (!Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    private static JsonValue value(JsonParser parser, JsonParser.Event event, int depth) {
        return switch (event) {
            case START_OBJECT -> object(parser, depth);
            case START_ARRAY -> array(parser, depth);
            case VALUE_STRING -> JsonApi.PROVIDER.createValue(parser.getString());
            case VALUE_NUMBER -> JsonApi.PROVIDER.createValue(parser.getBigDecimal());
            case VALUE_TRUE -> JsonValue.TRUE;
            case VALUE_FALSE -> JsonValue.FALSE;
            case VALUE_NULL -> JsonValue.NULL;
            default -> throw ProblemException.invalid("body", "is not well-formed JSON");
        };
    }

    private static JsonValue object(JsonParser parser, int depth) {
        deep(depth);
        JsonObjectBuilder object = JsonApi.PROVIDER.createObjectBuilder();
        Set<String> names = new HashSet<>();
        for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_OBJECT; event = parser.next()) {
            String name = parser.getString();
            if (!names.add(name)) {
                throw ProblemException.invalid(Text.isPrintable(name) ? name : "body", "appears more than once in the object");
            }
            object.add(name, value(parser, parser.next(), depth + 1));
        }
        return object.build();
    }

    private static JsonValue array(JsonParser parser, int depth) {
        deep(depth);
        JsonArrayBuilder array = JsonApi.PROVIDER.createArrayBuilder();
        for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_ARRAY; event = parser.next()) {
            array.add(value(parser, event, depth + 1));
        }
        return array.build();
    }

    private static void deep(int depth) {
        if (depth > MAX_DEPTH) {
            throw ProblemException.invalid("body", "nests objects and arrays more than " + MAX_DEPTH + " levels deep");
        }
    }

    /**
     * The whole body, up to the limit. A larger one is refused, after the rest of it (up to
     * {@link #DRAINED_BYTES}) is read and dropped: a client still sending it then reads the 413
     * instead of a broken connection, and an HTTP/2 connection's flow-control window is given back.
     */
    private static byte[] bytes(InputStream body) {
        try {
            byte[] bytes = body.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                drain(body);
                throw ProblemException.payloadTooLarge("The request body exceeds " + MAX_BYTES + " bytes.");
            }
            return bytes;
        } catch (IOException broken) {
            throw ProblemException.invalid("body", "could not be read to its end");
        }
    }

    private static void drain(InputStream body) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long drained = 0;
        int read;
        while (drained < DRAINED_BYTES && (read = body.read(buffer)) > 0) {
            drained += read;
        }
    }

    private static char[] utf8(byte[] bytes) {
        try {
            CharBuffer text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            char[] chars = new char[text.remaining()];
            text.get(chars);
            return chars;
        } catch (CharacterCodingException notUtf8) {
            throw ProblemException.invalid("body", "is not UTF-8 text");
        }
    }
}
