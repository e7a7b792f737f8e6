package org.quire.categories;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.quire.platform.JsonResponses;
import org.quire.platform.ApiDocument;
import org.quire.platform.MediaTypes;
import org.quire.platform.PageLinks;
import org.quire.platform.PageRequest;
import org.quire.security.Roles;

/** HTTP for /api/categories: anyone reads, editors and admins write (roles per method, see AccessRulesTest). */
@ApplicationScoped
@Path("categories")
@Produces(MediaTypes.JSON)
@Tag(name = "Categories")
public class CategoriesResource {

    @Inject
    CategoryService categories;

    @GET
    @Operation(operationId = "listCategories", summary = "A page of categories, by name")
    @Parameter(ref = ApiDocument.PAGE) @Parameter(ref = ApiDocument.SIZE)
    @APIResponse(responseCode = "200", description = "The page, with a Link header to the first, last, previous and next pages",
            content = @Content(schema = @Schema(ref = ApiDocument.CATEGORY_PAGE)), headers = @Header(name = ApiDocument.LINK, ref = ApiDocument.LINK))
    public Response list(@Context UriInfo uri) {
        PageRequest page = PageRequest.only(uri.getQueryParameters());
        return PageLinks.ok(categories.list(page), uri.getRequestUri());
    }

    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = ApiDocument.BEARER)
    @Operation(operationId = "createCategory", summary = "Create a category")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(ref = "CategoryView")),
            headers = @Header(name = ApiDocument.LOCATION, ref = ApiDocument.LOCATION))
    @APIResponse(responseCode = "409", ref = ApiDocument.CONFLICT)
    public Response create(CategoryInput input, @Context UriInfo uri) {
        CategoryView created = categories.create(input);
        return JsonResponses.created(uri, created.id(), created).build();
    }

    @GET
    @Path("{id: [0-9]+}")
    @Operation(operationId = "getCategory", summary = "One category")
    @APIResponse(responseCode = "200", description = "The category", content = @Content(schema = @Schema(ref = "CategoryView")))
    public CategoryView get(@PathParam("id") int id) {
        return categories.get(id);
    }

    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @PUT
    @Path("{id: [0-9]+}")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = ApiDocument.BEARER)
    @Operation(operationId = "replaceCategory", summary = "Replace a category's name and description")
    @APIResponse(responseCode = "200", description = "The category as stored", content = @Content(schema = @Schema(ref = "CategoryView")))
    @APIResponse(responseCode = "409", ref = ApiDocument.CONFLICT)
    public CategoryView replace(@PathParam("id") int id, CategoryInput input) {
        return categories.replace(id, input);
    }

    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @DELETE
    @Path("{id: [0-9]+}")
    @SecurityRequirement(name = ApiDocument.BEARER)
    @Operation(operationId = "deleteCategory", summary = "Delete a category", description = "Its posts stay, with categoryId null.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") int id) {
        categories.delete(id);
        return Response.noContent().build();
    }
}
