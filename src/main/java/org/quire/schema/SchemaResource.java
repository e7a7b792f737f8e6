package org.quire.schema;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.quire.platform.MediaTypes;
import org.quire.security.Roles;

/** GET /api/admin/schema: alembic current and history, over HTTP, for admins. */
@ApplicationScoped
@Path("admin/schema")
@Produces(MediaTypes.JSON)
public class SchemaResource {

    @Inject
    SchemaStatus status;

    @GET
    @RolesAllowed(Roles.ADMIN)
    public SchemaStatus.Report get() throws Exception {
        return status.report();
    }
}
