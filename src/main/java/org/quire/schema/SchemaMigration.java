package org.quire.schema;

import java.sql.Connection;
import java.sql.SQLException;
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

    private SchemaMigration() {
    }

    public static void migrate(DataSource dataSource) throws SQLException, LiquibaseException {
        try (Connection connection = dataSource.getConnection()) {
            migrate(connection);
        }
    }

    public static void migrate(Connection connection) throws LiquibaseException {
        liquibase(connection).update("");
    }

    /** Liquibase over this build's changelog, on a connection whose current schema is the target. */
    public static Liquibase liquibase(Connection connection) throws LiquibaseException {
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
        return new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(SchemaMigration.class.getClassLoader()), database);
    }
}
