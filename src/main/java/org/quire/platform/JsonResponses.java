package org.quire.platform;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * How response bodies are written: the records of the API (views, pages, problems), as JSON-B
 * would write them, straight into the response stream ({@link RecordJson}), with optional fields
 * shown as {@code null} rather than left out: clients code against a fixed shape.
 */
@Provider
@Produces({MediaType.APPLICATION_JSON, ProblemMapper.PROBLEM_JSON})
public class JsonResponses implements MessageBodyWriter<Record> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return Record.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(Record body, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        // With its length, an answer goes out in one piece: without it, Jersey buffers the first
        // 8 KB to find one, and a page of posts (some 40 KB) is sent chunked, block by block.
        RecordJson.write(body, out, length -> headers.putSingle(HttpHeaders.CONTENT_LENGTH, length));
    }

    /** 201 with the new resource's URL (the request's URL and its id) in Location, and the resource as stored. */
    public static Response.ResponseBuilder created(UriInfo request, int id, Record resource) {
        return Response.created(request.getAbsolutePathBuilder().path(String.valueOf(id)).build()).entity(resource);
    }

    /** Also used where no JAX-RS is at work: the container's error page ({@link ServletErrors}). */
    static void write(Record body, HttpServletResponse response) throws IOException {
        RecordJson.write(body, response.getOutputStream(), response::setContentLength);
    }
}
