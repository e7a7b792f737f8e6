package org.quire.operations;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The JDBC pool's figures in /metrics ({@code quire_pool_connections{state=open|in_use|idle}}),
 * counted where they cannot be wrong: in PostgreSQL's pg_stat_activity, among the sessions that
 * carry this pool's application_name (server-config sets it per host). Payara Micro's own
 * connection_pool_* vendor metrics stay at zero without its monitoring agent, hence these.
 * The connection that takes the measurement is not counted. A scrape during an outage reads -1.
 */
@ApplicationScoped
public class PoolFigures {

    private static final long FRESH_FOR_NANOS = 1_000_000_000L;
    private static final Metadata GAUGE = Metadata.builder()
            .withName("quire.pool.connections")
            .withDescription("Connections of the JDBC pool QuirePool, as PostgreSQL sees them: open, in use, idle")
            .build();

    @Resource(lookup = "jdbc/quire")
    DataSource dataSource;

    @Inject
    MetricRegistry metrics;

    private volatile long[] latest = {-1, -1, -1};
    private volatile long measuredAt;

    void register(@Observes Startup startup) {
        metrics.gauge(GAUGE, this, f -> f.figures()[0], new Tag("state", "open"));
        metrics.gauge(GAUGE, this, f -> f.figures()[1], new Tag("state", "in_use"));
        metrics.gauge(GAUGE, this, f -> f.figures()[2], new Tag("state", "idle"));
    }

    /** One query serves the three gauges of a scrape. */
    long[] figures() {
        if (System.nanoTime() - measuredAt > FRESH_FOR_NANOS) {
            latest = measure();
            measuredAt = System.nanoTime();
        }
        return latest;
    }

    private long[] measure() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*), count(*) FILTER (WHERE state <> 'idle'), count(*) FILTER (WHERE state = 'idle')"
                     + " FROM pg_stat_activity"
                     + " WHERE application_name = current_setting('application_name') AND datname = current_database()")) {
            r.next();
            // The measuring connection is open, and idle in the pool again as soon as this returns.
            return new long[] {r.getLong(1), r.getLong(2) - 1, r.getLong(3) + 1};
        } catch (SQLException unreachable) {
            return new long[] {-1, -1, -1};
        }
    }
}
