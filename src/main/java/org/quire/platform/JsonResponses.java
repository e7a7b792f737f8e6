package org.quire.platform;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * How response bodies are written: the records of the API (views, pages, problems) by one JSON-B
 * instance, straight into the response stream (the container's own JSON-B writer builds a String
 * first), with optional fields shown as {@code null} rather than left out: clients code against a
 * fixed shape.
 */
@Provider
@Produces({MediaType.APPLICATION_JSON, ProblemMapper.PROBLEM_JSON})
public class JsonResponses implements MessageBodyWriter<Record> {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return Record.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(Record body, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> headers, OutputStream out) {
        write(body, genericType, out);
    }

    /** 201 with the new resource's URL (the request's URL and its id) in Location, and the resource as stored. */
    public static Response.ResponseBuilder created(UriInfo request, int id, Record resource) {
        return Response.created(request.getAbsolutePathBuilder().path(String.valueOf(id)).build()).entity(resource);
    }

    /** Also used where no JAX-RS is at work: the container's error page ({@link ServletErrors}). */
    static void write(Record body, Type type, OutputStream out) {
        JSONB.toJson(body, type, out);
    }
}
