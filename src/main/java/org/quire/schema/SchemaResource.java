package org.quire.schema;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.sql.SQLException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.quire.platform.ApiDocument;
import org.quire.platform.MediaTypes;
import org.quire.security.Roles;

/** GET /api/admin/schema: alembic current and history, over HTTP, for admins. */
@ApplicationScoped
@Path("admin/schema")
@Produces(MediaTypes.JSON)
@Tag(name = "Admin")
public class SchemaResource {

    @Inject
    SchemaStatus status;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = ApiDocument.BEARER)
    @Operation(operationId = "getSchema", summary = "The database schema's migrations (admins)",
            description = "The changesets applied, in order (id, author, file, date, tag), those pending, and the latest tag.")
    @APIResponse(responseCode = "200", description = "Where the schema stands",
            content = @Content(schema = @Schema(ref = "SchemaReport")))
    public SchemaStatus.Report get() throws SQLException {
        return status.report();
    }
}
