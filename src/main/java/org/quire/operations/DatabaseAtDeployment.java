package org.quire.operations;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.naming.NoInitialContextException;
import javax.sql.DataSource;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Session;

/**
 * Refuses a deployment whose database cannot work, with one line that says why, before EclipseLink
 * logs in (which the server does while deploying, and which would otherwise fail with pages of
 * stack traces naming none of the settings an admin controls). Runs as the persistence unit's
 * session customizer, the first application code that sees the data source.
 */
public class DatabaseAtDeployment implements SessionCustomizer {

    private static final Logger LOG = Logger.getLogger(DatabaseAtDeployment.class.getName());
    static final String RESOURCE = "jdbc/quire";

    @Override
    public void customize(Session session) {
        DataSource dataSource;
        try {
            dataSource = (DataSource) new InitialContext().lookup(RESOURCE);
        } catch (NoInitialContextException outsideAServer) {
            return; // the schema tools bootstrap the same unit outside any server, with their own connection
        } catch (NamingException missing) {
            throw refuse("the server has no JDBC resource " + RESOURCE + ". Create it (and its pool) with server-config/post-boot-commands.asadmin.");
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.isValid(5);
        } catch (SQLException unreachable) {
            throw refuse(whyNot(unreachable));
        }
    }

    /** What an admin needs to know: which settings are missing, or where the connection was tried. */
    static String whyNot(SQLException failure) {
        List<String> missing = new ArrayList<>();
        for (String variable : List.of("DB_URL", "DB_USER", "DB_PASSWORD")) {
            String value = System.getenv(variable);
            if (value == null || value.isBlank()) {
                missing.add(variable);
            }
        }
        if (!missing.isEmpty()) {
            return String.join(", ", missing) + (missing.size() == 1 ? " is" : " are")
                    + " not set in the server's environment; the pool reads the database's URL, user and password from DB_URL, DB_USER and DB_PASSWORD.";
        }
        return "cannot connect to " + withoutSecrets(System.getenv("DB_URL")) + " as " + System.getenv("DB_USER") + ": " + rootMessage(failure);
    }

    /** A JDBC URL as it may be logged: without a password given in its parameters. */
    static String withoutSecrets(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.replaceAll("\\s+", " ").trim();
    }

    private static IllegalStateException refuse(String reason) {
        String message = "QUIRE CANNOT START - the application will not be deployed: " + reason;
        LOG.severe(message);
        return new IllegalStateException(message);
    }
}
