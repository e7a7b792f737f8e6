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
import java.io.InputStream;
import org.quire.platform.InputValidation;
import org.quire.platform.JsonBody;
import org.quire.platform.MediaTypes;
import org.quire.platform.PageLinks;
import org.quire.platform.PageRequest;
import org.quire.security.Roles;

/** HTTP for /api/users: admins only, except that editors may read a single user. */
@ApplicationScoped
@Path("users")
@Produces(MediaTypes.JSON)
public class UsersResource {

    @Inject
    UserService users;

    @Inject
    InputValidation validation;


    @RolesAllowed(Roles.ADMIN)
    @GET
    public Response list(@Context UriInfo uri) {
        PageRequest page = PageRequest.only(uri.getQueryParameters());
        return PageLinks.ok(users.list(page), uri.getRequestUri());
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Context UriInfo uri, InputStream body) {
        UserView created = users.create(UserInput.from(JsonBody.readObject(body), validation));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(created).build();
    }

    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @GET
    @Path("{id: [0-9]+}")
    public UserView get(@PathParam("id") int id) {
        return users.get(id);
    }

    @RolesAllowed(Roles.ADMIN)
    @DELETE
    @Path("{id: [0-9]+}")
    public Response delete(@PathParam("id") int id) {
        users.delete(id);
        return Response.noContent().build();
    }
}
