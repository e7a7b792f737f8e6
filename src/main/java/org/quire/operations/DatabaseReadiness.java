package org.quire.operations;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.quire.schema.SchemaStatus;

/**
 * /health/ready: up only when the database answers and every changeset of this build's
 * changelog is applied, so a load balancer sends no traffic to a server that would fail it.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private static final int ANSWER_WITHIN_SECONDS = 2;

    @Resource(lookup = "jdbc/quire")
    DataSource dataSource;

    @Inject
    SchemaStatus schema;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder database = HealthCheckResponse.named("database");
        try (Connection c = dataSource.getConnection()) {
            if (!c.isValid(ANSWER_WITHIN_SECONDS)) {
                return database.down().withData("reason", "the database does not answer").build();
            }
        } catch (Exception unreachable) {
            return database.down().withData("reason", "the database cannot be reached").build();
        }
        try {
            int pending = schema.report().pending().size();
            database.withData("pendingChangesets", pending);
            return pending == 0 ? database.up().build()
                    : database.down().withData("reason", pending + " changesets of the changelog are not applied").build();
        } catch (Exception unreadable) {
            return database.down().withData("reason", "the schema's changelog cannot be read").build();
        }
    }
}
