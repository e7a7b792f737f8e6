package org.quire.users;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

/** HTTP for /api/users: admins only, except that editors may read a single user. */
@ApplicationScoped
@Path("users")
@Produces(MediaTypes.JSON)
@Tag(name = "Users")
public class UsersResource {

    @Inject
    UserService users;

    @RolesAllowed(Roles.ADMIN)
    @GET
    @SecurityRequirement(name = ApiDocument.BEARER)
    @Operation(operationId = "listUsers", summary = "A page of users, by username (admins)")
    @Parameter(ref = ApiDocument.PAGE) @Parameter(ref = ApiDocument.SIZE)
    @APIResponse(responseCode = "200", description = "The page, with a Link header to the first, last, previous and next pages",
            content = @Content(schema = @Schema(ref = ApiDocument.USER_PAGE)), headers = @Header(name = ApiDocument.LINK, ref = ApiDocument.LINK))
    public Response list(@Context UriInfo uri) {
        PageRequest page = PageRequest.only(uri.getQueryParameters());
        return PageLinks.ok(users.list(page), uri.getRequestUri());
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = ApiDocument.BEARER)
    @Operation(operationId = "createUser", summary = "Create a user (admins)")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(ref = "UserView")),
            headers = @Header(name = ApiDocument.LOCATION, ref = ApiDocument.LOCATION))
    @APIResponse(responseCode = "409", ref = ApiDocument.CONFLICT)
    public Response create(UserInput input, @Context UriInfo uri) {
        UserView created = users.create(input);
        return JsonResponses.created(uri, created.id(), created).build();
    }

    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @GET
    @Path("{id: [0-9]+}")
    @SecurityRequirement(name = ApiDocument.BEARER)
    @Operation(operationId = "getUser", summary = "One user (editors and admins)")
    @APIResponse(responseCode = "200", description = "The user", content = @Content(schema = @Schema(ref = "UserView")))
    public UserView get(@PathParam("id") int id) {
        return users.get(id);
    }

    @RolesAllowed(Roles.ADMIN)
    @DELETE
    @Path("{id: [0-9]+}")
    @SecurityRequirement(name = ApiDocument.BEARER)
    @Operation(operationId = "deleteUser", summary = "Delete a user and their posts (admins)")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") int id) {
        users.delete(id);
        return Response.noContent().build();
    }
}
