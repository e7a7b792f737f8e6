package org.quire.posts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.quire.platform.ApiDocument;
import org.quire.platform.MediaTypes;
import org.quire.platform.PageLinks;
import org.quire.security.Caller;

/**
 * HTTP for /api/categories/{id}/posts: a category's posts, as /api/posts?categoryId={id} lists
 * them, but 404 for a category that does not exist. It belongs to posts, which know categories;
 * categories know nothing of posts.
 */
@ApplicationScoped
@Path("categories/{id: [0-9]+}/posts")
@Produces(MediaTypes.JSON)
@Tag(name = "Posts")
public class CategoryPostsResource {

    @Inject
    PostQueries reads;

    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "listCategoryPosts", summary = "A page of a category's posts",
            description = "As /api/posts?categoryId={id} lists them (no categoryId parameter), but 404 for a category that does not exist.")
    @Parameter(ref = ApiDocument.STATUS) @Parameter(ref = ApiDocument.AUTHOR_ID) @Parameter(ref = ApiDocument.Q)
    @Parameter(ref = ApiDocument.SORT) @Parameter(ref = ApiDocument.PAGE) @Parameter(ref = ApiDocument.SIZE)
    @APIResponse(responseCode = "200", description = "The page, with a Link header to the first, last, previous and next pages",
            content = @Content(schema = @Schema(ref = ApiDocument.POST_PAGE)), headers = @Header(name = ApiDocument.LINK, ref = ApiDocument.LINK))
    public Response list(@PathParam("id") int id, @Context UriInfo uri) {
        PostListQuery query = PostListQuery.from(uri.getQueryParameters(), PostListQuery.Scope.CATEGORY);
        return PageLinks.ok(reads.listInCategory(id, query, PostVisibility.of(caller)), uri.getRequestUri());
    }
}
