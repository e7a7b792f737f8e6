package org.quire.posts;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import org.quire.platform.IfMatch;
import org.quire.platform.InputValidation;
import org.quire.platform.JsonBody;
import org.quire.platform.MediaTypes;
import org.quire.platform.PageLinks;
import org.quire.platform.Roles;

/**
 * HTTP for /api/posts: bodies in and out, ETags, If-Match and If-None-Match. Anyone reads
 * (anonymous callers see published posts only); editors and admins write.
 */
@Path("posts")
@Produces(MediaTypes.JSON)
public class PostsResource {

    @Inject
    PostService posts;

    @Inject
    InputValidation validation;

    @Context
    UriInfo uri;

    @Context
    Request request;

    @Context
    SecurityContext caller;

    @GET
    public Response list() {
        PostListQuery query = PostListQuery.from(uri.getQueryParameters(), PostListQuery.Scope.ALL);
        return PageLinks.ok(posts.list(query, PostVisibility.of(caller)), uri.getRequestUri());
    }

    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(InputStream body) {
        PostView created = posts.create(PostInput.from(JsonBody.readObject(body), validation));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .tag(etag(created)).entity(created).build();
    }

    @GET
    @Path("{id: [0-9]+}")
    public Response get(@PathParam("id") int id) {
        return conditionalGet(posts.get(id, PostVisibility.of(caller)));
    }

    @GET
    @Path("by-slug/{slug}")
    public Response getBySlug(@PathParam("slug") String slug) {
        return conditionalGet(posts.getBySlug(slug, PostVisibility.of(caller)));
    }

    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @PUT
    @Path("{id: [0-9]+}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replace(@PathParam("id") int id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, InputStream body) {
        PostInput input = PostInput.from(JsonBody.readObject(body), validation);
        return withEtag(posts.replace(id, IfMatch.parse(ifMatch), input));
    }

    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @PATCH
    @Path("{id: [0-9]+}")
    @Consumes(MediaTypes.MERGE_PATCH)
    public Response patch(@PathParam("id") int id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, InputStream body) {
        return withEtag(posts.patch(id, IfMatch.parse(ifMatch), JsonBody.readValue(body)));
    }

    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @DELETE
    @Path("{id: [0-9]+}")
    public Response delete(@PathParam("id") int id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        posts.delete(id, IfMatch.parse(ifMatch));
        return Response.noContent().build();
    }

    private Response conditionalGet(PostView post) {
        EntityTag tag = etag(post);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.tag(tag).build();
        }
        return Response.ok(post).tag(tag).build();
    }

    private static Response withEtag(PostView post) {
        return Response.ok(post).tag(etag(post)).build();
    }

    private static EntityTag etag(PostView post) {
        return new EntityTag(String.valueOf(post.version()));
    }
}
