package org.quire.schema;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Runs the schema migration while the application deploys, before the first request is served. A
 * failure is thrown out of the startup event, which fails the deployment itself: the server then
 * serves nothing from this WAR instead of answering on a stale schema.
 */
@ApplicationScoped
public class MigrateOnDeployment {

    private static final Logger LOG = Logger.getLogger(MigrateOnDeployment.class.getName());

    @Resource(lookup = "jdbc/quire")
    DataSource dataSource;

    void onStartup(@Observes Startup startup) {
        try {
            SchemaMigration.Outcome outcome = SchemaMigration.migrate(dataSource);
            LOG.info(outcome == SchemaMigration.Outcome.MIGRATED ? "Quire: database schema migrated (" + SchemaMigration.CHANGELOG + ")"
                    : "Quire: database schema is current (" + Changelog.changesets().size() + " changesets of " + SchemaMigration.CHANGELOG + ")");
        } catch (Exception failure) {
            LOG.log(Level.SEVERE, "QUIRE SCHEMA MIGRATION FAILED - the application will not be deployed. "
                    + "Check DB_URL, DB_USER and DB_PASSWORD and that the database is reachable. Cause: "
                    + failure.getMessage(), failure);
            throw new IllegalStateException("Quire schema migration failed: " + failure.getMessage(), failure);
        }
    }
}
