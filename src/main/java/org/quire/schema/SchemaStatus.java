package org.quire.schema;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import liquibase.changelog.ChangeSet;
import liquibase.exception.LiquibaseException;

/**
 * Where the database stands against this build's changelog — what alembic current and history
 * tell: the changesets applied (in order, with date and tag), the ones pending, the latest tag.
 */
@ApplicationScoped
public class SchemaStatus {

    /** A changeset as Liquibase identifies it: id, author and file. */
    public record Changeset(String id, String author, String file) {
    }

    public record Applied(String id, String author, String file, Instant dateExecuted, String tag) {
    }

    public record Report(List<Applied> applied, List<Changeset> pending, String latestTag) {
    }

    @Resource(lookup = "jdbc/quire")
    DataSource dataSource;

    private volatile List<Changeset> changelog;

    public Report report() throws SQLException, LiquibaseException {
        List<Applied> applied = applied();
        Set<Changeset> done = new HashSet<>();
        applied.forEach(a -> done.add(new Changeset(a.id(), a.author(), a.file())));
        List<Changeset> pending = changelog().stream().filter(c -> !done.contains(c)).toList();
        String latestTag = null;
        for (Applied a : applied) {
            if (a.tag() != null) {
                latestTag = a.tag();
            }
        }
        return new Report(applied, pending, latestTag);
    }

    private List<Applied> applied() throws SQLException {
        List<Applied> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             // Liquibase stores its local time in a timestamp column; read it as the session's zone did.
             ResultSet r = s.executeQuery("SELECT id, author, filename, dateexecuted AT TIME ZONE current_setting('TimeZone'), tag"
                     + " FROM databasechangelog ORDER BY orderexecuted")) {
            while (r.next()) {
                rows.add(new Applied(r.getString(1), r.getString(2), r.getString(3), r.getTimestamp(4).toInstant(), r.getString(5)));
            }
        }
        return rows;
    }

    /** The changelog does not change while the WAR is deployed: parse it once. */
    private List<Changeset> changelog() throws SQLException, LiquibaseException {
        if (changelog == null) {
            try (Connection c = dataSource.getConnection()) {
                List<Changeset> list = new ArrayList<>();
                for (ChangeSet set : SchemaMigration.liquibase(c).getDatabaseChangeLog().getChangeSets()) {
                    list.add(new Changeset(set.getId(), set.getAuthor(), set.getFilePath()));
                }
                changelog = List.copyOf(list);
            }
        }
        return changelog;
    }
}
