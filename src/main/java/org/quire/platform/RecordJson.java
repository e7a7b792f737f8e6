package org.quire.platform;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

/**
 * The API's records as JSON in UTF-8, in the shape JSON-B gives them with Quire's configuration:
 * the properties in {@code @JsonbPropertyOrder}'s order (by name where a record has none), a null
 * shown as {@code null} unless the component is {@code @JsonbNillable(false)}, strings escaped as
 * JSON-P escapes them, instants as ISO-8601.
 * <p>
 * Why not JSON-B itself: writing a page of twenty posts took 30% of a search's request-thread CPU in JSON-B
 * (docs/performance.md, "Responses without JSON-B"), most of it generic machinery a fixed set of
 * flat records does not need: a serializer chain per property, a set of the objects being written
 * (which hashes every record, so every post's whole text), a char-by-char escape loop and a char
 * encoder over the response stream. Here a record's shape is read once per class, a string is
 * encoded by the JDK in one pass and only the few bytes that need it are escaped.
 * <p>
 * A record that uses a JSON-B annotation other than those two, or a component of a type outside
 * the API's (text, whole numbers, booleans, instants, records and lists of them), is refused when
 * its class is first written: this writer does not guess what JSON-B would do.
 * {@code RecordJsonTest} holds the output to JSON-B's, byte for byte.
 */
final class RecordJson {

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };

    private static final byte[] NULL = ascii("null");
    private static final byte[] TRUE = ascii("true");
    private static final byte[] FALSE = ascii("false");
    private static final byte[] HEX = ascii("0123456789abcdef");

    private RecordJson() {
    }

    /**
     * Writes the answer. One that fits in {@link Output#WHOLE} bytes (nearly all: a page of twenty
     * posts is some 40 KB) is encoded whole first, so {@code lengthKnown} hears its length before
     * any of it is written and it goes out in one piece; a larger one is written as it is encoded,
     * without a length, so that no answer holds more than that in memory.
     */
    static void write(Record body, OutputStream out, IntConsumer lengthKnown) throws IOException {
        Output output = new Output(out);
        output.value(body);
        output.finish(lengthKnown);
    }

    /** Fails at once for a record this writer cannot write as JSON-B would, with the reason. */
    static void checkWritable(Class<? extends Record> type) {
        SHAPES.get(type);
    }

    /** A record's properties in the order they are written. */
    private record Shape(Property[] properties) {

        static Shape of(Class<?> type) {
            if (!type.isRecord()) {
                throw new IllegalArgumentException(type.getName() + " is not a record");
            }
            refuseOtherJsonbAnnotations(type, type.getName(), JsonbPropertyOrder.class);
            Map<String, RecordComponent> byName = Arrays.stream(type.getRecordComponents())
                    .collect(Collectors.toMap(RecordComponent::getName, Function.identity()));
            List<String> order = new ArrayList<>();
            JsonbPropertyOrder declared = type.getAnnotation(JsonbPropertyOrder.class);
            if (declared != null) {
                for (String name : declared.value()) {
                    if (!byName.containsKey(name)) {
                        throw new IllegalArgumentException(type.getName() + ": @JsonbPropertyOrder names " + name + ", which it does not have");
                    }
                    order.add(name);
                }
            }
            // JSON-B's default order, also for the properties an order leaves out: by name.
            byName.keySet().stream().filter(name -> !order.contains(name)).sorted(Comparator.naturalOrder()).forEach(order::add);
            return new Shape(order.stream().map(name -> Property.of(type, byName.get(name))).toArray(Property[]::new));
        }
    }

    private record Property(byte[] nameAndColon, MethodHandle accessor, boolean omitNull) {

        static Property of(Class<?> type, RecordComponent component) {
            Method accessor = component.getAccessor();
            String where = type.getName() + "." + component.getName();
            refuseOtherJsonbAnnotations(component, where, JsonbNillable.class);
            refuseOtherJsonbAnnotations(accessor, where, JsonbNillable.class);
            checkType(component.getType(), where);
            JsonbNillable nillable = component.getAnnotation(JsonbNillable.class);
            if (nillable == null) {
                nillable = accessor.getAnnotation(JsonbNillable.class);
            }
            try {
                accessor.setAccessible(true);
                MethodHandle handle = MethodHandles.lookup().unreflect(accessor)
                        .asType(MethodType.methodType(Object.class, Object.class));
                // A Java name has no character JSON escapes.
                byte[] name = ("\"" + component.getName() + "\":").getBytes(StandardCharsets.UTF_8);
                return new Property(name, handle, nillable != null && !nillable.value());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read " + where, e);
            }
        }

        private static void checkType(Class<?> type, String where) {
            boolean known = type == String.class || type == int.class || type == Integer.class || type == long.class || type == Long.class
                    || type == short.class || type == Short.class || type == byte.class || type == Byte.class
                    || type == boolean.class || type == Boolean.class || type == Instant.class
                    || type.isRecord() || type == List.class || type == Collection.class || type == Object.class;
            if (!known) {
                throw new IllegalArgumentException(where + " is a " + type.getName() + ", which this writer does not write");
            }
        }
    }

    private static void refuseOtherJsonbAnnotations(AnnotatedElement element, String where, Class<? extends Annotation> allowed) {
        for (Annotation annotation : element.getAnnotations()) {
            Class<? extends Annotation> kind = annotation.annotationType();
            if (kind != allowed && kind.getPackageName().equals(JsonbPropertyOrder.class.getPackageName())) {
                throw new IllegalArgumentException(where + " uses @" + kind.getSimpleName() + ", which this writer does not implement");
            }
        }
    }

    /** The writer of one answer: values into a buffer that grows to hold the whole answer, up to a bound. */
    private static final class Output {

        /** Answers up to 1 MiB are sent whole; posts of up to 1 MiB each make larger ones possible. */
        static final int WHOLE = 1 << 20;

        private final OutputStream out;
        private byte[] buffer = new byte[8192];
        private int length;
        private boolean streaming;

        Output(OutputStream out) {
            this.out = out;
        }

        private void ensure(int more) throws IOException {
            if (more > buffer.length - length) {
                if (!streaming && length + more <= WHOLE) {
                    buffer = Arrays.copyOf(buffer, Math.min(WHOLE, Math.max(2 * buffer.length, length + more)));
                } else {
                    // Too large to hold whole: from here on the answer goes out as it is encoded.
                    streaming = true;
                    flush();
                }
            }
        }

        private void flush() throws IOException {
            out.write(buffer, 0, length);
            length = 0;
        }

        void finish(IntConsumer lengthKnown) throws IOException {
            if (!streaming) {
                lengthKnown.accept(length);
            }
            if (length > 0) {
                flush();
            }
        }

        private void raw(byte b) throws IOException {
            ensure(1);
            buffer[length++] = b;
        }

        private void raw(byte[] bytes) throws IOException {
            raw(bytes, 0, bytes.length);
        }

        private void raw(byte[] bytes, int offset, int count) throws IOException {
            ensure(count);
            if (count > buffer.length - length) {
                out.write(bytes, offset, count);
                return;
            }
            System.arraycopy(bytes, offset, buffer, length, count);
            length += count;
        }

        /**
         * A JSON string, escaped as JSON-P's generator escapes: the quote, the backslash and the
         * control characters, nothing else. The JDK's encoder writes a lone surrogate as '?', as the
         * UTF-8 writer under JSON-P's generator does.
         */
        private void string(String text) throws IOException {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            raw((byte) '"');
            int from = 0;
            for (int i = 0; i < utf8.length; i++) {
                byte b = utf8[i];
                // Bytes of a multi-byte character are negative, and never escaped.
                if (b == '"' || b == '\\' || (b >= 0 && b < 0x20)) {
                    raw(utf8, from, i - from);
                    escape(b);
                    from = i + 1;
                }
            }
            raw(utf8, from, utf8.length - from);
            raw((byte) '"');
        }

        private void escape(byte b) throws IOException {
            ensure(6);
            buffer[length++] = '\\';
            switch (b) {
                case '"', '\\' -> buffer[length++] = b;
                case '\b' -> buffer[length++] = 'b';
                case '\f' -> buffer[length++] = 'f';
                case '\n' -> buffer[length++] = 'n';
                case '\r' -> buffer[length++] = 'r';
                case '\t' -> buffer[length++] = 't';
                default -> {
                    buffer[length++] = 'u';
                    buffer[length++] = '0';
                    buffer[length++] = '0';
                    buffer[length++] = HEX[b >> 4];
                    buffer[length++] = HEX[b & 0xf];
                }
            }
        }

        private void number(long value) throws IOException {
            if (value == Long.MIN_VALUE) {
                raw(ascii(Long.toString(value)));
                return;
            }
            ensure(20);
            if (value < 0) {
                buffer[length++] = '-';
                value = -value;
            }
            int start = length;
            do {
                buffer[length++] = (byte) ('0' + value % 10);
                value /= 10;
            } while (value != 0);
            for (int i = start, j = length - 1; i < j; i++, j--) {
                byte digit = buffer[i];
                buffer[i] = buffer[j];
                buffer[j] = digit;
            }
        }

        void value(Object value) throws IOException {
            if (value == null) {
                raw(NULL);
            } else if (value instanceof String text) {
                string(text);
            } else if (value instanceof Record record) {
                record(record);
            } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
                number(((Number) value).longValue());
            } else if (value instanceof Collection<?> values) {
                raw((byte) '[');
                boolean first = true;
                for (Object element : values) {
                    if (!first) {
                        raw((byte) ',');
                    }
                    first = false;
                    value(element);
                }
                raw((byte) ']');
            } else if (value instanceof Instant instant) {
                // Instant.toString is DateTimeFormatter.ISO_INSTANT, JSON-B's format for an Instant.
                string(instant.toString());
            } else if (value instanceof Boolean truth) {
                raw(truth ? TRUE : FALSE);
            } else {
                throw new IllegalArgumentException("a " + value.getClass().getName() + " is not written by this writer");
            }
        }

        private void record(Record record) throws IOException {
            raw((byte) '{');
            boolean first = true;
            for (Property property : SHAPES.get(record.getClass()).properties()) {
                Object value;
                try {
                    value = property.accessor().invokeExact((Object) record);
                } catch (RuntimeException | Error e) {
                    throw e;
                } catch (Throwable e) {
                    throw new IllegalStateException(e);
                }
                if (value == null && property.omitNull()) {
                    continue;
                }
                if (!first) {
                    raw((byte) ',');
                }
                first = false;
                raw(property.nameAndColon());
                value(value);
            }
            raw((byte) '}');
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
