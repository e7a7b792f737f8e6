package org.quire.posts;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import org.quire.platform.EntityTags;
import org.quire.platform.InputValidation;
import org.quire.platform.JsonBody;
import org.quire.platform.MediaTypes;
import org.quire.platform.PageLinks;
import org.quire.security.Roles;

/**
 * HTTP for /api/posts: bodies in and out, ETags, If-Match and If-None-Match. Anyone reads
 * (anonymous callers see published posts only); editors and admins write.
 */
@ApplicationScoped
@Path("posts")
@Produces(MediaTypes.JSON)
public class PostsResource {

    @Inject
    PostService posts;

    @Inject
    PostQueries reads;

    @Inject
    InputValidation validation;




    @GET
    public Response list(@Context UriInfo uri, @Context SecurityContext caller) {
        PostListQuery query = PostListQuery.from(uri.getQueryParameters(), PostListQuery.Scope.ALL);
        return PageLinks.ok(reads.list(query, PostVisibility.of(caller)), uri.getRequestUri());
    }

    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Context UriInfo uri, InputStream body) {
        PostView created = posts.create(PostInput.from(JsonBody.readObject(body), validation));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .header(HttpHeaders.ETAG, EntityTags.of(created.version())).entity(created).build();
    }

    @GET
    @Path("{id: [0-9]+}")
    public Response get(@PathParam("id") int id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                        @Context SecurityContext caller) {
        return conditionalGet(reads.get(id, PostVisibility.of(caller)), ifNoneMatch);
    }

    @GET
    @Path("by-slug/{slug}")
    public Response getBySlug(@PathParam("slug") String slug, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                              @Context SecurityContext caller) {
        return conditionalGet(reads.getBySlug(slug, PostVisibility.of(caller)), ifNoneMatch);
    }

    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @PUT
    @Path("{id: [0-9]+}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replace(@PathParam("id") int id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, InputStream body) {
        PostInput input = PostInput.from(JsonBody.readObject(body), validation);
        return withEtag(posts.replace(id, EntityTags.ifMatch(ifMatch), input));
    }

    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @PATCH
    @Path("{id: [0-9]+}")
    @Consumes(MediaTypes.MERGE_PATCH)
    public Response patch(@PathParam("id") int id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, InputStream body) {
        return withEtag(posts.patch(id, EntityTags.ifMatch(ifMatch), JsonBody.readValue(body)));
    }

    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @DELETE
    @Path("{id: [0-9]+}")
    public Response delete(@PathParam("id") int id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        posts.delete(id, EntityTags.ifMatch(ifMatch));
        return Response.noContent().build();
    }

    /** 304 when the client already has this version (If-None-Match), the post otherwise. */
    private static Response conditionalGet(PostView post, String ifNoneMatch) {
        if (EntityTags.ifNoneMatch(ifNoneMatch).matches(post.version())) {
            return Response.notModified().header(HttpHeaders.ETAG, EntityTags.of(post.version())).build();
        }
        return withEtag(post);
    }

    private static Response withEtag(PostView post) {
        return Response.ok(post).header(HttpHeaders.ETAG, EntityTags.of(post.version())).build();
    }
}
