package org.quire.testing;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.quire.operations.RequestMetrics;

/**
 * Every HTTP endpoint the WAR serves, found in its compiled resource classes rather than listed by
 * hand, so that tests over "every endpoint" cover a new one the day it is written.
 */
public record Endpoint(String verb, String template, Class<?> resource, Method method) {

    /** The resource classes: every class of the application annotated with {@code @Path}. */
    public static List<Class<?>> resources() {
        URL root = Endpoint.class.getClassLoader().getResource("org/quire/operations/RequestMetrics.class");
        try (Stream<java.nio.file.Path> files = Files.walk(Paths.get(root.toURI()).getParent().getParent())) {
            return files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("/tools/"))
                    .filter(Endpoint::mentionsPath)
                    .map(Endpoint::load)
                    .filter(type -> type.isAnnotationPresent(Path.class))
                    .sorted(Comparator.comparing(Class::getName))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every resource method with its HTTP verb and its path template, e.g. GET /api/posts/{id}. */
    public static List<Endpoint> all() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Class<?> resource : resources()) {
            for (Method method : resource.getDeclaredMethods()) {
                for (Annotation annotation : method.getAnnotations()) {
                    HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
                    if (verb != null) {
                        endpoints.add(new Endpoint(verb.value(), RequestMetrics.template(resource, method), resource, method));
                    }
                }
            }
        }
        endpoints.sort(Comparator.comparing(Endpoint::template).thenComparing(Endpoint::verb));
        return endpoints;
    }

    /** Whether the endpoint takes a request body. */
    public boolean readsBody() {
        return verb.equals("POST") || verb.equals("PUT") || verb.equals("PATCH");
    }

    @Override
    public String toString() {
        return verb + " " + template;
    }

    /** Loads only classes that can be resources: some others implement container-only interfaces. */
    private static boolean mentionsPath(java.nio.file.Path classFile) {
        try {
            return new String(Files.readAllBytes(classFile), java.nio.charset.StandardCharsets.ISO_8859_1).contains("Ljakarta/ws/rs/Path;");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<?> load(java.nio.file.Path classFile) {
        String name = classFile.toString();
        name = name.substring(name.indexOf("org/quire/"), name.length() - ".class".length()).replace('/', '.');
        try {
            return Class.forName(name, false, Endpoint.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
