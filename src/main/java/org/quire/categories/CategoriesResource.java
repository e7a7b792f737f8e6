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
import java.io.InputStream;
import org.quire.platform.InputValidation;
import org.quire.platform.JsonBody;
import org.quire.platform.MediaTypes;
import org.quire.platform.PageLinks;
import org.quire.platform.PageRequest;
import org.quire.security.Roles;

/** HTTP for /api/categories: anyone reads, editors and admins write (roles per method, see AccessRulesTest). */
@ApplicationScoped
@Path("categories")
@Produces(MediaTypes.JSON)
public class CategoriesResource {

    @Inject
    CategoryService categories;

    @Inject
    InputValidation validation;



    @GET
    public Response list(@Context UriInfo uri) {
        PageRequest page = PageRequest.only(uri.getQueryParameters());
        return PageLinks.ok(categories.list(page), uri.getRequestUri());
    }

    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Context UriInfo uri, InputStream body) {
        CategoryView created = categories.create(CategoryInput.from(JsonBody.readObject(body), validation));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(created).build();
    }

    @GET
    @Path("{id: [0-9]+}")
    public CategoryView get(@PathParam("id") int id) {
        return categories.get(id);
    }

    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @PUT
    @Path("{id: [0-9]+}")
    @Consumes(MediaType.APPLICATION_JSON)
    public CategoryView replace(@PathParam("id") int id, InputStream body) {
        return categories.replace(id, CategoryInput.from(JsonBody.readObject(body), validation));
    }

    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @DELETE
    @Path("{id: [0-9]+}")
    public Response delete(@PathParam("id") int id) {
        categories.delete(id);
        return Response.noContent().build();
    }
}
