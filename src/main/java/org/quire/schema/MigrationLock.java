package org.quire.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import liquibase.database.Database;
import liquibase.database.core.PostgresDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LockException;
import liquibase.lockservice.DatabaseChangeLogLock;
import liquibase.lockservice.LockService;

/**
 * Liquibase's lock, as a PostgreSQL session advisory lock per schema, for every Liquibase run that
 * has this class on its class path: a deploying server ({@link SchemaMigration}), bin/quire-schema
 * and the build's tools (META-INF/services/liquibase.lockservice.LockService). Liquibase's own lock
 * is a row in databasechangeloglock: a run that dies before releasing it (a killed server, a lost
 * connection) leaves it locked, and every later run waits five minutes for it and fails. The
 * server releases an advisory lock when its session ends, however it ends.
 */
public class MigrationLock implements LockService {

    private static final Logger LOG = Logger.getLogger(MigrationLock.class.getName());
    private static final String KEY = "hashtext('quire-schema-migration:' || current_schema())::bigint";

    /** Waits for the lock as long as the holder migrates (an index build may take minutes). */
    static final String LOCK = "SELECT pg_advisory_lock(" + KEY + ")";
    private static final String TRY_LOCK = "SELECT pg_try_advisory_lock(" + KEY + ")";
    private static final String UNLOCK = "SELECT pg_advisory_unlock(" + KEY + ")";
    private static final String HOLDERS = "SELECT a.pid, a.backend_start, coalesce(a.client_addr::text, 'local socket')"
            + " || ', pid ' || a.pid || coalesce(', ' || nullif(a.application_name, ''), '')"
            + " FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
            + " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1"
            + " AND ((l.classid::bigint << 32) | l.objid::bigint) = " + KEY;

    private Database database;
    private boolean held;

    @Override
    public int getPriority() {
        return PRIORITY_DATABASE;
    }

    @Override
    public boolean supports(Database database) {
        return database instanceof PostgresDatabase;
    }

    @Override
    public void setDatabase(Database database) {
        this.database = database;
    }

    /** Liquibase's wait settings are for its polled table; this lock is a blocking wait in the server. */
    @Override
    public void setChangeLogLockWaitTime(long minutes) {
    }

    @Override
    public void setChangeLogLockRecheckTime(long seconds) {
    }

    @Override
    public boolean hasChangeLogLock() {
        return held;
    }

    @Override
    public void waitForLock() throws LockException {
        if (!held) {
            ask(LOCK);
            held = true;
        }
    }

    @Override
    public boolean acquireLock() throws LockException {
        if (!held) {
            held = "t".equals(ask(TRY_LOCK));
        }
        return held;
    }

    @Override
    public void releaseLock() throws LockException {
        if (!held) {
            return;
        }
        held = false;
        try {
            // A failed changeset may leave its transaction aborted, where even the unlock would fail
            // and a pooled connection would keep the lock for the next deployment to wait on.
            Connection connection = connection();
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new LockException("could not end the failed transaction before unlocking: " + e.getMessage(), e);
        }
        ask(UNLOCK);
    }

    /** The sessions holding the lock: one at most, the run migrating this schema now. */
    @Override
    public DatabaseChangeLogLock[] listLocks() throws LockException {
        List<DatabaseChangeLogLock> holders = new ArrayList<>();
        try (Statement s = connection().createStatement(); ResultSet rows = s.executeQuery(HOLDERS)) {
            while (rows.next()) {
                holders.add(new DatabaseChangeLogLock(rows.getInt(1), rows.getTimestamp(2), rows.getString(3)));
            }
        } catch (SQLException e) {
            throw new LockException("could not list the sessions holding the migration lock: " + e.getMessage(), e);
        }
        return holders.toArray(DatabaseChangeLogLock[]::new);
    }

    /**
     * Nothing of this lock can be left behind; what can is the row of Liquibase's own lock table,
     * from a run of a Quire before this lock or of another Liquibase on the same schema: cleared.
     */
    @Override
    public void forceReleaseLock() throws LockException {
        releaseLock();
        int cleared = 0;
        if ("t".equals(ask("SELECT to_regclass('databasechangeloglock') IS NOT NULL"))) {
            Connection connection = connection();
            try (Statement s = connection.createStatement()) {
                cleared = s.executeUpdate("UPDATE databasechangeloglock SET locked = false, lockgranted = NULL, lockedby = NULL WHERE locked");
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
            } catch (SQLException e) {
                throw new LockException("could not clear Liquibase's lock table: " + e.getMessage(), e);
            }
        }
        LOG.info("Quire: the schema's migration lock ends with its session; " + cleared + " stale row(s) of Liquibase's lock table cleared");
    }

    @Override
    public void reset() {
        held = false;
    }

    /** No table to create. */
    @Override
    public void init() {
    }

    /** No table to drop. */
    @Override
    public void destroy() {
    }

    /** The first column of the one row {@code sql} answers, as text (pg_advisory_lock's is void). */
    private String ask(String sql) throws LockException {
        try (Statement s = connection().createStatement(); ResultSet row = s.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        } catch (SQLException e) {
            throw new LockException("the migration lock (" + sql + ") failed: " + e.getMessage(), e);
        }
    }

    private Connection connection() {
        return ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
    }
}
