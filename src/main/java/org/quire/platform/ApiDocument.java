package org.quire.platform;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * The OpenAPI document at /openapi: generated from the resources and the records they read and
 * write (MicroProfile OpenAPI annotations, Bean Validation constraints), merged with the small
 * static fragment META-INF/openapi.yaml (the reusable parameters, headers and responses named
 * below), and completed here with what generation cannot state:
 * <ul>
 * <li>the problem answers every operation can give, from what the operation is: a body can be
 * refused (400, 413, 415), a secured one can be forbidden (403), one with an id can find nothing
 * (404), and any can meet a bad token (401), an Accept it cannot meet (406) or a database that is
 * down (503);</li>
 * <li>the pages of each list, from the {@link Page} record and the view it lists;</li>
 * <li>a post's merge patch: its input's fields, none of them required;</li>
 * <li>path templates without the regular expressions JAX-RS matches ids with ({@code {id}}, not
 * {@code {id: [0-9]+}}), and without the non-standard {@code endpoints} member Payara adds, which
 * OpenAPI validators (and client generators) reject.</li>
 * </ul>
 */
public class ApiDocument implements OASFilter {

    public static final String BEARER = "bearer";
    public static final String PAGE = "page";
    public static final String SIZE = "size";
    public static final String STATUS = "status";
    public static final String CATEGORY_ID = "categoryId";
    public static final String AUTHOR_ID = "authorId";
    public static final String Q = "q";
    public static final String SORT = "sort";
    public static final String IF_MATCH = "If-Match";
    public static final String IF_NONE_MATCH = "If-None-Match";
    public static final String LINK = "Link";
    public static final String LOCATION = "Location";
    public static final String ETAG = "ETag";
    public static final String NOT_MODIFIED = "NotModified";
    public static final String CONFLICT = "Conflict";
    public static final String PRECONDITION_FAILED = "PreconditionFailed";
    public static final String POST_PAGE = "PostPage";
    public static final String CATEGORY_PAGE = "CategoryPage";
    public static final String USER_PAGE = "UserPage";
    public static final String POST_PATCH = "PostPatch";

    private static final Pattern TEMPLATE_REGEX = Pattern.compile("\\{(\\w+)\\s*:[^}]*}");

    /** Which view each page schema lists. */
    private static final Map<String, String> PAGES = Map.of(POST_PAGE, "PostView", CATEGORY_PAGE, "CategoryView", USER_PAGE, "UserView");

    /**
     * Payara writes every numeric and boolean default of a schema it generated (maxProperties: 0,
     * nullable: false…), and maxProperties 0 would forbid any member at all; and it names an
     * enum's values as its Java constants, where the API writes them in lower case.
     */
    @Override
    public Schema filterSchema(Schema schema) {
        schema.setMaxProperties(unlessZero(schema.getMaxProperties()));
        schema.setMinProperties(unlessZero(schema.getMinProperties()));
        schema.setMinLength(unlessZero(schema.getMinLength()));
        schema.setUniqueItems(unlessFalse(schema.getUniqueItems()));
        schema.setExclusiveMaximum(unlessFalse(schema.getExclusiveMaximum()));
        schema.setExclusiveMinimum(unlessFalse(schema.getExclusiveMinimum()));
        schema.setNullable(unlessFalse(schema.getNullable()));
        schema.setReadOnly(unlessFalse(schema.getReadOnly()));
        schema.setWriteOnly(unlessFalse(schema.getWriteOnly()));
        schema.setDeprecated(unlessFalse(schema.getDeprecated()));
        if (schema.getEnumeration() != null && schema.getEnumeration().stream().allMatch(v -> v instanceof String s && s.matches("[A-Z_]+"))) {
            schema.setEnumeration(schema.getEnumeration().stream().map(v -> (Object) ((String) v).toLowerCase(Locale.ROOT)).toList());
            schema.setType(Schema.SchemaType.STRING);
        }
        // An instant is written as an ISO-8601 string; Payara types it by the Java class (an object).
        if ("date-time".equals(schema.getFormat())) {
            schema.setType(Schema.SchemaType.STRING);
        }
        return schema;
    }

    private static Integer unlessZero(Integer value) {
        return Integer.valueOf(0).equals(value) ? null : value;
    }

    private static Boolean unlessFalse(Boolean value) {
        return Boolean.FALSE.equals(value) ? null : value;
    }

    @Override
    public void filterOpenAPI(OpenAPI document) {
        Components components = document.getComponents();
        PAGES.forEach((page, view) -> components.addSchema(page, page(view)));
        Schema input = components.getSchemas().get("PostInput");
        if (input != null) {
            components.addSchema(POST_PATCH, OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
                    .description("A JSON merge patch (RFC 7396) of a post: any of its writable fields; null clears an optional one")
                    .properties(input.getProperties()));
        }
        // The reader's type, which Payara lists although it is hidden; PostPatch describes the body.
        components.removeSchema(MergePatch.class.getSimpleName());
        forgetPayaraEndpoints(document);
        // Two resources share a tag (posts, and a category's posts); Payara lists it once per resource.
        if (document.getTags() != null) {
            Map<String, Tag> unique = new LinkedHashMap<>();
            document.getTags().forEach(tag -> unique.putIfAbsent(tag.getName(), tag));
            document.setTags(new ArrayList<>(unique.values()));
        }
        if (document.getPaths() == null) {
            return;
        }
        Map<String, PathItem> items = new LinkedHashMap<>(document.getPaths().getPathItems());
        items.forEach((template, item) -> {
            String path = TEMPLATE_REGEX.matcher(template).replaceAll("{$1}");
            if (!path.equals(template)) {
                document.getPaths().removePathItem(template);
                document.getPaths().addPathItem(path, item);
            }
            if (path.startsWith("/api/")) {
                item.getOperations().forEach((method, operation) -> completeResponses(path, method, operation, components));
            }
        });
    }

    private static void forgetPayaraEndpoints(OpenAPI document) {
        try {
            if (document.getClass().getMethod("getEndpoints").invoke(document) instanceof Map<?, ?> endpoints) {
                endpoints.clear();
            }
        } catch (ReflectiveOperationException | RuntimeException notPayarasModel) {
            // Another implementation adds no such member.
        }
    }

    private static void completeResponses(String path, PathItem.HttpMethod method, Operation operation, Components components) {
        APIResponses responses = operation.getResponses();
        boolean takesQuery = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.QUERY || isListParameter(p, components));
        if (operation.getRequestBody() != null || takesQuery) {
            problem(responses, "400", "BadRequest");
        }
        problem(responses, "401", "Unauthorized");
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            problem(responses, "403", "Forbidden");
        }
        if (path.contains("{")) {
            problem(responses, "404", "NotFound");
        }
        problem(responses, "406", "NotAcceptable");
        if (operation.getRequestBody() != null) {
            problem(responses, "413", "ContentTooLarge");
            problem(responses, "415", "UnsupportedMediaType");
        }
        problem(responses, "503", "ServiceUnavailable");
    }

    private static boolean isListParameter(Parameter parameter, Components components) {
        if (parameter.getRef() == null) {
            return false;
        }
        String name = parameter.getRef().substring(parameter.getRef().lastIndexOf('/') + 1);
        Parameter defined = components.getParameters() == null ? null : components.getParameters().get(name);
        return defined != null && defined.getIn() == Parameter.In.QUERY;
    }

    private static void problem(APIResponses responses, String status, String name) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().ref(name));
        }
    }

    /** A page of {@code view}s: the {@link Page} record's fields, its items being that view. */
    private static Schema page(String view) {
        Map<String, Schema> properties = new LinkedHashMap<>();
        for (RecordComponent component : Page.class.getRecordComponents()) {
            Schema property = component.getType() == List.class
                    ? OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(OASFactory.createSchema().ref(view))
                    : OASFactory.createSchema().type(Schema.SchemaType.INTEGER).format(component.getType() == long.class ? "int64" : "int32");
            properties.put(component.getName(), property);
        }
        return OASFactory.createSchema().type(Schema.SchemaType.OBJECT).properties(properties)
                .required(List.copyOf(properties.keySet()))
                .description("One page of a list; a page past the end has no items");
    }
}
