package org.quire.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Brings a database to the schema of this build by running the changelog in {@code liquibase/}
 * (packaged on the class path). Liquibase's lock table makes concurrent runs safe: a second
 * deployment waits for the first and then finds nothing pending.
 */
public final class SchemaMigration {

    /** The changelog's path on the class path and, relative to the repository root, on disk. */
    public static final String CHANGELOG = "liquibase/changelog.xml";

    private static final String KEY = "hashtext('quire-schema-migration:' || current_schema())";
    private static final String LOCK = "SELECT pg_advisory_lock(" + KEY + ")";
    private static final String UNLOCK = "SELECT pg_advisory_unlock(" + KEY + ")";

    private SchemaMigration() {
    }

    public static void migrate(DataSource dataSource) throws SQLException, LiquibaseException {
        try (Connection connection = dataSource.getConnection()) {
            migrate(connection);
        }
    }

    /**
     * Migrates under a PostgreSQL session advisory lock per schema. Liquibase's own lock table
     * does not cover creating its tables, so two first deployments would race there; and unlike
     * that table, an advisory lock is released by the server when a killed deployment's
     * connection drops, so it never needs clearing by hand.
     */
    public static void migrate(Connection connection) throws LiquibaseException, SQLException {
        try (Statement lock = connection.createStatement()) {
            lock.execute(LOCK);
            try {
                liquibase(connection).update("");
            } finally {
                // A failed changeset may leave a transaction open; the unlock must still run, or a
                // pooled connection would keep the lock for the next deployment to wait on.
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                }
                lock.execute(UNLOCK);
            }
        }
    }

    /** Liquibase over this build's changelog, on a connection whose current schema is the target. */
    public static Liquibase liquibase(Connection connection) throws LiquibaseException {
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
        return new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(SchemaMigration.class.getClassLoader()), database);
    }
}
