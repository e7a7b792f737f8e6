package org.quire.posts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.quire.platform.MediaTypes;
import org.quire.platform.PageLinks;

/**
 * HTTP for /api/categories/{id}/posts: a category's posts, as /api/posts?categoryId={id} lists
 * them, but 404 for a category that does not exist. It belongs to posts, which know categories;
 * categories know nothing of posts.
 */
@ApplicationScoped
@Path("categories/{id: [0-9]+}/posts")
@Produces(MediaTypes.JSON)
public class CategoryPostsResource {

    @Inject
    PostQueries reads;

    @GET
    public Response list(@PathParam("id") int id, @Context UriInfo uri, @Context SecurityContext caller) {
        PostListQuery query = PostListQuery.from(uri.getQueryParameters(), PostListQuery.Scope.CATEGORY);
        return PageLinks.ok(reads.listInCategory(id, query, PostVisibility.of(caller)), uri.getRequestUri());
    }
}
