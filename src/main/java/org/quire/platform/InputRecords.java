package org.quire.platform;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads a JSON object into one of the API's input records, by nothing but the record's own
 * declaration: each component is the member of the same name, read by its type, then judged by
 * the Bean Validation constraints on it. A component's type says what JSON it takes:
 * <ul>
 * <li>{@code String}: a string, holding no NUL and no unpaired surrogate ({@link Text});</li>
 * <li>{@code Integer}: an id, a whole number from 1 to 2147483647 ({@code "5"} is not one);</li>
 * <li>an enum: one of its constants' names in lower case.</li>
 * </ul>
 * An absent member and {@code null} both give {@code null}, for the record's constructor to
 * default or refuse. A member the record does not declare is an error naming it, except the
 * read-only ones a client may echo back ({@link #READ_ONLY}), which are ignored. Every error of
 * every field is collected, one entry per field, so a client fixes everything in one round.
 */
public final class InputRecords {

    /** What the server owns and a client may send back from a representation it read: ignored. */
    public static final Set<String> READ_ONLY = Set.of("id", "createdAt", "updatedAt", "version");

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };

    private InputRecords() {
    }

    public static <R extends Record> R read(JsonObject json, Class<R> type, Validator validator) {
        Shape shape = SHAPES.get(type);
        Map<String, TreeSet<String>> errors = new TreeMap<>();
        for (String name : json.keySet()) {
            if (!shape.names.contains(name) && !READ_ONLY.contains(name)) {
                errors.computeIfAbsent(Text.isPrintable(name) ? name : "body", n -> new TreeSet<>()).add("is not a known field");
            }
        }
        Object[] values = new Object[shape.components.length];
        for (int i = 0; i < values.length; i++) {
            RecordComponent component = shape.components[i];
            JsonValue value = json.get(component.getName());
            try {
                values[i] = value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : convert(value, component.getType());
            } catch (Refused refused) {
                errors.computeIfAbsent(component.getName(), n -> new TreeSet<>()).add(refused.getMessage());
            }
        }
        R input = type.cast(shape.create(values));
        for (ConstraintViolation<R> violation : validator.validate(input)) {
            String field = violation.getPropertyPath().toString();
            // A field whose JSON was already wrong has no value worth judging further.
            if (!errors.containsKey(field)) {
                errors.computeIfAbsent(field, f -> new TreeSet<>()).add(violation.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors.entrySet().stream()
                    .map(e -> new FieldError(e.getKey(), String.join("; ", e.getValue())))
                    .toList());
        }
        return input;
    }

    /** The record as a client would send it: every component that is not null, as JSON. */
    public static JsonObject write(Record input) {
        JsonObjectBuilder json = JsonApi.PROVIDER.createObjectBuilder();
        for (RecordComponent component : SHAPES.get(input.getClass()).components) {
            Object value = component(input, component);
            if (value instanceof String text) {
                json.add(component.getName(), text);
            } else if (value instanceof Integer number) {
                json.add(component.getName(), number);
            } else if (value instanceof Enum<?> constant) {
                json.add(component.getName(), constant.name().toLowerCase(Locale.ROOT));
            } else if (value != null) {
                throw new IllegalArgumentException("no JSON form for " + component);
            }
        }
        return json.build();
    }

    private static Object convert(JsonValue value, Class<?> type) {
        if (type == String.class) {
            if (!(value instanceof JsonString string)) {
                throw new Refused("must be a string");
            }
            String problem = Text.problem(string.getString());
            if (problem != null) {
                throw new Refused(problem);
            }
            return string.getString();
        }
        if (type == Integer.class) {
            if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
                throw new Refused("must be an integer id");
            }
            BigDecimal exact = number.bigDecimalValue();
            if (exact.signum() <= 0 || exact.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
                throw new Refused("must be a positive id");
            }
            return exact.intValueExact();
        }
        if (type.isEnum()) {
            if (!(value instanceof JsonString string)) {
                throw new Refused("must be a string");
            }
            for (Object constant : type.getEnumConstants()) {
                if (((Enum<?>) constant).name().toLowerCase(Locale.ROOT).equals(string.getString())) {
                    return constant;
                }
            }
            throw new Refused("must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
        }
        throw new IllegalArgumentException("an input record cannot hold a " + type);
    }

    private static Object component(Record input, RecordComponent component) {
        try {
            return component.getAccessor().invoke(input);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An input record's components and canonical constructor, looked up once per type. */
    private record Shape(RecordComponent[] components, Set<String> names, Constructor<?> constructor) {

        static Shape of(Class<?> type) {
            if (!type.isRecord()) {
                throw new IllegalArgumentException(type + " is not a record");
            }
            RecordComponent[] components = type.getRecordComponents();
            try {
                Constructor<?> constructor = type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
                constructor.setAccessible(true);
                return new Shape(components, Arrays.stream(components).map(RecordComponent::getName).collect(Collectors.toUnmodifiableSet()),
                        constructor);
            } catch (NoSuchMethodException impossible) {
                throw new IllegalStateException(impossible);
            }
        }

        Object create(Object[] values) {
            try {
                return constructor.newInstance(values);
            } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("could not build " + constructor.getDeclaringClass().getSimpleName(), e);
            }
        }
    }

    /** One field's JSON is not of the kind its component takes. */
    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }
}
