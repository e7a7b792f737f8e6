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
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.quire.platform.JsonResponses;
import org.quire.platform.ApiDocument;
import org.quire.platform.EntityTags;
import org.quire.platform.MediaTypes;
import org.quire.platform.MergePatch;
import org.quire.platform.PageLinks;
import org.quire.security.Caller;
import org.quire.security.Roles;

/**
 * HTTP for /api/posts: bodies in and out, ETags, If-Match and If-None-Match. Anyone reads
 * (anonymous callers see published posts only); editors and admins write.
 */
@ApplicationScoped
@Path("posts")
@Produces(MediaTypes.JSON)
@Tag(name = "Posts")
public class PostsResource {

    @Inject
    PostService posts;

    @Inject
    PostQueries reads;

    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "listPosts", summary = "A page of posts, filtered and sorted",
            description = "Anonymous callers see published posts only. Filters combine with AND.")
    @Parameter(ref = ApiDocument.STATUS) @Parameter(ref = ApiDocument.CATEGORY_ID) @Parameter(ref = ApiDocument.AUTHOR_ID)
    @Parameter(ref = ApiDocument.Q) @Parameter(ref = ApiDocument.SORT) @Parameter(ref = ApiDocument.PAGE) @Parameter(ref = ApiDocument.SIZE)
    @APIResponse(responseCode = "200", description = "The page, with a Link header to the first, last, previous and next pages",
            content = @Content(schema = @Schema(ref = ApiDocument.POST_PAGE)), headers = @Header(name = ApiDocument.LINK, ref = ApiDocument.LINK))
    public Response list(@Context UriInfo uri) {
        PostListQuery query = PostListQuery.from(uri.getQueryParameters(), PostListQuery.Scope.ALL);
        return PageLinks.ok(reads.list(query, PostVisibility.of(caller)), uri.getRequestUri());
    }

    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = ApiDocument.BEARER)
    @Operation(operationId = "createPost", summary = "Create a post",
            description = "Without a slug, one is derived from the title (Cyrillic transliterated, -2, -3… when taken).")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(ref = "PostView")),
            headers = {@Header(name = ApiDocument.LOCATION, ref = ApiDocument.LOCATION), @Header(name = ApiDocument.ETAG, ref = ApiDocument.ETAG)})
    @APIResponse(responseCode = "409", ref = ApiDocument.CONFLICT)
    public Response create(PostInput input, @Context UriInfo uri) {
        PostView created = posts.create(input);
        return JsonResponses.created(uri, created.id(), created).header(HttpHeaders.ETAG, EntityTags.of(created.version())).build();
    }

    @GET
    @Path("{id: [0-9]+}")
    @Operation(operationId = "getPost", summary = "One post")
    @Parameter(ref = ApiDocument.IF_NONE_MATCH)
    @APIResponse(responseCode = "200", description = "The post", content = @Content(schema = @Schema(ref = "PostView")),
            headers = @Header(name = ApiDocument.ETAG, ref = ApiDocument.ETAG))
    @APIResponse(responseCode = "304", ref = ApiDocument.NOT_MODIFIED)
    public Response get(@PathParam("id") int id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return conditionalGet(reads.get(id, PostVisibility.of(caller)), ifNoneMatch);
    }

    @GET
    @Path("by-slug/{slug}")
    @Operation(operationId = "getPostBySlug", summary = "One post, by its slug")
    @Parameter(ref = ApiDocument.IF_NONE_MATCH)
    @APIResponse(responseCode = "200", description = "The post", content = @Content(schema = @Schema(ref = "PostView")),
            headers = @Header(name = ApiDocument.ETAG, ref = ApiDocument.ETAG))
    @APIResponse(responseCode = "304", ref = ApiDocument.NOT_MODIFIED)
    public Response getBySlug(@PathParam("slug") String slug, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return conditionalGet(reads.getBySlug(slug, PostVisibility.of(caller)), ifNoneMatch);
    }

    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @PUT
    @Path("{id: [0-9]+}")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = ApiDocument.BEARER)
    @Operation(operationId = "replacePost", summary = "Replace a post's writable fields",
            description = "An omitted optional field becomes null (status: draft), except the slug, which stays unless a new one is given.")
    @Parameter(ref = ApiDocument.IF_MATCH)
    @APIResponse(responseCode = "200", description = "The post as stored", content = @Content(schema = @Schema(ref = "PostView")),
            headers = @Header(name = ApiDocument.ETAG, ref = ApiDocument.ETAG))
    @APIResponse(responseCode = "409", ref = ApiDocument.CONFLICT)
    @APIResponse(responseCode = "412", ref = ApiDocument.PRECONDITION_FAILED)
    public Response replace(@PathParam("id") int id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, PostInput input) {
        return withEtag(posts.replace(id, EntityTags.ifMatch(ifMatch), input));
    }

    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @PATCH
    @Path("{id: [0-9]+}")
    @Consumes(MediaTypes.MERGE_PATCH)
    @SecurityRequirement(name = ApiDocument.BEARER)
    @Operation(operationId = "patchPost", summary = "Change some of a post's fields (JSON merge patch, RFC 7396)",
            description = "Members present replace the stored ones; null clears an optional field.")
    @Parameter(ref = ApiDocument.IF_MATCH)
    @APIResponse(responseCode = "200", description = "The post as stored", content = @Content(schema = @Schema(ref = "PostView")),
            headers = @Header(name = ApiDocument.ETAG, ref = ApiDocument.ETAG))
    @APIResponse(responseCode = "409", ref = ApiDocument.CONFLICT)
    @APIResponse(responseCode = "412", ref = ApiDocument.PRECONDITION_FAILED)
    public Response patch(@PathParam("id") int id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          @RequestBody(required = true, content = @Content(mediaType = MediaTypes.MERGE_PATCH,
                                  schema = @Schema(ref = ApiDocument.POST_PATCH))) MergePatch patch) {
        return withEtag(posts.patch(id, EntityTags.ifMatch(ifMatch), patch));
    }

    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @DELETE
    @Path("{id: [0-9]+}")
    @SecurityRequirement(name = ApiDocument.BEARER)
    @Operation(operationId = "deletePost", summary = "Delete a post")
    @Parameter(ref = ApiDocument.IF_MATCH)
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "412", ref = ApiDocument.PRECONDITION_FAILED)
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
