package org.quire.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.lockservice.LockService;
import liquibase.lockservice.LockServiceFactory;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Brings a database to the schema of this build by running the changelog in {@code liquibase/}
 * (packaged on the class path), unless databasechangelog already records every changeset of it
 * with the checksum the build recorded ({@link Changelog}): then Liquibase is not even started.
 */
public final class SchemaMigration {

    /** The changelog's path on the class path and, relative to the repository root, on disk. */
    public static final String CHANGELOG = "liquibase/changelog.xml";

    /** What a migration did. */
    public enum Outcome { ALREADY_CURRENT, MIGRATED }

    private SchemaMigration() {
    }

    public static Outcome migrate(DataSource dataSource) throws SQLException, LiquibaseException {
        try (Connection connection = dataSource.getConnection()) {
            return migrate(connection);
        }
    }

    /**
     * Migrates under {@link MigrationLock}, a PostgreSQL advisory lock per schema that the server
     * releases when a deployment's connection drops, so a killed deployment leaves nothing behind.
     * It is held around the whole run, not only where Liquibase takes it (on the same session, where
     * it nests): Liquibase creates its tables before it locks, so two first deployments would race
     * there. This hold is a lock object of its own, which Liquibase's resets of its lock services
     * do not touch.
     */
    public static Outcome migrate(Connection connection) throws LiquibaseException, SQLException {
        if (pending(connection).isEmpty()) {
            return Outcome.ALREADY_CURRENT;
        }
        // The pool gives its connections a socket timeout sized for requests (30 s), but a changeset
        // may build an index over every post for minutes, and another deployment may hold the lock
        // that long: while it migrates, the connection waits for the database as long as it takes.
        int requestTimeout = connection.getNetworkTimeout();
        connection.setNetworkTimeout(Runnable::run, 0);
        try {
            Liquibase liquibase = liquibase(connection);
            MigrationLock lock = new MigrationLock();
            lock.setDatabase(liquibase.getDatabase());
            lock.waitForLock();
            try {
                liquibase.update("");
            } finally {
                lock.releaseLock();
            }
        } finally {
            connection.setNetworkTimeout(Runnable::run, requestTimeout);
        }
        return Outcome.MIGRATED;
    }

    /**
     * The changesets of this build that databasechangelog does not record with this build's
     * checksum: not yet applied, or changed since (Liquibase decides which when it runs).
     */
    static List<Changelog.Changeset> pending(Connection connection) throws SQLException {
        List<Changelog.Changeset> pending = new ArrayList<>(Changelog.changesets());
        String table;
        // Liquibase keeps its table in the connection's current schema, whatever else is on the search path.
        try (Statement s = connection.createStatement();
             ResultSet found = s.executeQuery("SELECT format('%I.databasechangelog', current_schema()),"
                     + " to_regclass(format('%I.databasechangelog', current_schema())) IS NOT NULL")) {
            found.next();
            if (!found.getBoolean(2)) {
                return pending;
            }
            table = found.getString(1);
        }
        try (Statement s = connection.createStatement();
             ResultSet rows = s.executeQuery("SELECT id, author, filename, md5sum FROM " + table)) {
            while (rows.next()) {
                String id = rows.getString(1);
                String author = rows.getString(2);
                String file = rows.getString(3);
                String checksum = rows.getString(4);
                pending.removeIf(c -> c.recordedAs(id, author, file) && c.checksum().equals(checksum));
            }
        }
        return pending;
    }

    /** Liquibase over this build's changelog, on a connection whose current schema is the target. */
    public static Liquibase liquibase(Connection connection) throws LiquibaseException {
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
        LockService lock = LockServiceFactory.getInstance().getLockService(database);
        if (!(lock instanceof MigrationLock)) {
            throw new IllegalStateException("Liquibase would lock the schema with " + lock.getClass().getName()
                    + ", whose lock a killed run leaves behind, instead of " + MigrationLock.class.getName()
                    + ": META-INF/services/liquibase.lockservice.LockService is not on the class path of " + database);
        }
        return new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(SchemaMigration.class.getClassLoader()), database);
    }
}
