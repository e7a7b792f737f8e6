package org.quire.platform;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.persistence.internal.databaseaccess.DatabaseCall;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/**
 * How many SQL statements a request ran. EclipseLink reports every call it sends to the database;
 * with {@code quire.diagnostics.sql-statements=true} (MicroProfile Config, so also the variable
 * QUIRE_DIAGNOSTICS_SQL_STATEMENTS) each response carries the count in
 * {@value #HEADER}. The ITs turn it on to prove that no endpoint's statement count grows with the
 * data (no N+1); admins can turn it on to see the same.
 */
@Provider
public class SqlStatements implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String HEADER = "X-Quire-SQL-Statements";
    private static final ThreadLocal<int[]> COUNT = ThreadLocal.withInitial(() -> new int[1]);

    @Inject
    @ConfigProperty(name = "quire.diagnostics.sql-statements", defaultValue = "false")
    boolean enabled;

    @Override
    public void filter(ContainerRequestContext request) {
        COUNT.get()[0] = 0;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (enabled) {
            response.getHeaders().putSingle(HEADER, String.valueOf(COUNT.get()[0]));
        }
    }

    /**
     * Registered in persistence.xml (eclipselink.session-event-listener). It also gives the seed's
     * {@code echo=settings.DEBUG}: with {@code quire.sql.echo=true} (QUIRE_SQL_ECHO) every statement
     * is logged on {@code quire.sql}, without its parameters. Read when the application deploys
     * (the server's environment cannot change while it runs): set it and restart, no rebuild.
     */
    public static class Counter extends SessionEventAdapter {
        private static final Logger SQL = Logger.getLogger("quire.sql");

        private final boolean echo = echo();

        @Override
        public void postExecuteCall(SessionEvent event) {
            COUNT.get()[0]++;
            if (echo && event.getCall() instanceof DatabaseCall call) {
                SQL.info(call.getSQLString());
            }
        }

        private static boolean echo() {
            try {
                return ConfigProvider.getConfig().getOptionalValue("quire.sql.echo", Boolean.class).orElse(false);
            } catch (RuntimeException noConfig) {
                return false;
            }
        }
    }
}
