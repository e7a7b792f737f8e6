package org.quire.platform;

import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place request bodies are read: JSON ({@code application/json}, or
 * {@code application/merge-patch+json} for a PATCH) read strictly ({@link StrictJson}) into the
 * input record the resource method takes ({@link InputRecords}), or kept as a {@link MergePatch}.
 * Whatever is wrong with a body is answered here, as a 400 naming each field (413 when too large).
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, MediaTypes.MERGE_PATCH})
public class JsonBodies implements MessageBodyReader<Record> {

    @Inject
    InputValidation validation;

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isRecord();
    }

    @Override
    public Record readFrom(Class<Record> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> headers, InputStream body) {
        JsonValue json = StrictJson.read(body);
        if (MergePatch.class.equals(type)) {
            return new MergePatch(json);
        }
        if (json.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ProblemException.invalid("body", "must be a JSON object");
        }
        return InputRecords.read(json.asJsonObject(), type.asSubclass(Record.class), validation.validator());
    }

    /**
     * A request without a body never reaches the reader (JAX-RS hands the method null): a method
     * that reads one answers 415 when no Content-Type says what the body is, 400 when it is empty.
     */
    @Provider
    public static class Required implements ContainerRequestFilter {

        private static final Map<Method, Boolean> READS_BODY = new ConcurrentHashMap<>();

        @Context
        ResourceInfo resource;

        @Override
        public void filter(ContainerRequestContext request) {
            Method method = resource.getResourceMethod();
            if (method != null && READS_BODY.computeIfAbsent(method, Required::readsBody) && !request.hasEntity()) {
                if (request.getMediaType() == null) {
                    throw new NotSupportedException();
                }
                throw ProblemException.invalid("body", "must not be empty");
            }
        }

        /** Whether the method takes an entity: a record parameter bound to nothing else (no @PathParam, @Context…). */
        private static boolean readsBody(Method method) {
            return Arrays.stream(method.getParameters()).anyMatch(p -> p.getType().isRecord()
                    && Arrays.stream(p.getAnnotations()).noneMatch(a -> a.annotationType().getPackageName().startsWith("jakarta.ws.rs")));
        }
    }
}
